ALTER TABLE workorder_order ADD COLUMN stage_clock_started_at TIMESTAMPTZ;
