-- The escalation ladder (督办升级): a red clock first tells the handling unit's lead and the street's duty
-- leader (rung 1, breached_at); still red a configurable time after its due time, it goes to the
-- district command centre and the district leader (rung 2, second_rung_at) — once per stage instance,
-- claimed by a conditional update like the breach.
ALTER TABLE sla_clock ADD COLUMN second_rung_at TIMESTAMPTZ;

CREATE INDEX sla_clock_second_rung_round ON sla_clock (due_at)
    WHERE closed_at IS NULL AND breached_at IS NOT NULL AND second_rung_at IS NULL AND NOT suspended;

ALTER TABLE sla_clock_event DROP CONSTRAINT sla_clock_event_kind_ck;
ALTER TABLE sla_clock_event ADD CONSTRAINT sla_clock_event_kind_ck
    CHECK (kind IN ('STARTED', 'DUE_MOVED', 'SUSPENDED', 'RESUMED', 'WARNED', 'BREACHED', 'ESCALATED', 'STOPPED'));
