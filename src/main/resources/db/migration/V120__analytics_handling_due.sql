-- When each order's handling (处置) had to be done: the due time of its latest handling stage, kept
-- from the work-order events (extensions and pauses move it; rework and reopening start a new one).
-- 按期结案率 counts the orders due in a period (应结案数) and those of them closed on time. An order
-- closed on the spot (即发即处) is due and settled at the moment it is closed. The district code leads
-- the index: it is the distribution key if the tables are ever spread over Citus workers.
CREATE TABLE analytics_handling_due (
    order_id             BIGINT       PRIMARY KEY,
    district_code        VARCHAR(6)   NOT NULL,
    street_code          VARCHAR(9),
    grid_code            VARCHAR(15),
    assignee_org_unit_id BIGINT,
    due_at               TIMESTAMPTZ  NOT NULL,
    -- event time of the newest state applied: a late or redelivered older event changes nothing
    as_of                TIMESTAMPTZ  NOT NULL
);
CREATE INDEX analytics_handling_due_period ON analytics_handling_due (district_code, due_at);

-- orders already being handled when analytics arrived: their running stage's due time
INSERT INTO analytics_handling_due (order_id, district_code, street_code, grid_code, assignee_org_unit_id, due_at, as_of)
SELECT id, district_code, street_code, grid_code, assignee_org_unit_id, stage_due_at, updated_at
FROM workorder_order WHERE stage = 'HANDLE' AND stage_due_at IS NOT NULL;
