-- The outcome beside each handling due time, so that 按期结案率 reads one table: whether the order is
-- settled (closed or rated), closed on time, or voided. Kept from the work-order events like the due time.
ALTER TABLE analytics_handling_due
    ADD COLUMN settled        BOOLEAN NOT NULL DEFAULT FALSE,
    ADD COLUMN closed_on_time BOOLEAN NOT NULL DEFAULT FALSE,
    ADD COLUMN voided         BOOLEAN NOT NULL DEFAULT FALSE;

UPDATE analytics_handling_due d
SET settled = o.status IN ('CLOSED', 'EVALUATED'), closed_on_time = o.closed_on_time, voided = o.status = 'VOIDED'
FROM workorder_order o WHERE o.id = d.order_id;

-- the assessment reads due times in a period and counts outcomes: covered by the index alone
DROP INDEX analytics_handling_due_period;
CREATE INDEX analytics_handling_due_period ON analytics_handling_due (district_code, due_at)
    INCLUDE (street_code, grid_code, assignee_org_unit_id, settled, closed_on_time, voided);
