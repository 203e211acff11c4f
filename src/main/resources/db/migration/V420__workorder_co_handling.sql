-- 主办/协办, 退单 and 争议: each co-handler's part, deadline and report, the open dispute, the units that sent the
-- order back once and the units a ruling bound, as one JSON document on the order row (written with the row, so
-- intake and every action keep their one statement); which queue the order waits in as a plain column.
ALTER TABLE workorder_order ADD COLUMN co_handling JSONB NOT NULL DEFAULT '{}';
-- RETURN: a co-handler's 退单 waits for the dispatcher; DISPUTE: waits for the command centre's ruling (仲裁)
ALTER TABLE workorder_order ADD COLUMN co_handling_attention VARCHAR(16);
CREATE INDEX workorder_order_co_handling_attention ON workorder_order (co_handling_attention, district_code)
    WHERE co_handling_attention IS NOT NULL;
