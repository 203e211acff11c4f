-- 回访 has a time limit: the call is due within yiwang.desks.follow-up-days working days of the rating's task
ALTER TABLE desks_follow_up ADD COLUMN due_at timestamptz;
UPDATE desks_follow_up SET due_at = created_at + interval '2 days' WHERE due_at IS NULL;
ALTER TABLE desks_follow_up ALTER COLUMN due_at SET NOT NULL;
