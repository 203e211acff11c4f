-- 办理时限 set by another system (12345): no stage of the order may be due later than this.
ALTER TABLE workorder_order ADD COLUMN external_due_at TIMESTAMPTZ;
