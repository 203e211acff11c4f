-- A campaign's visits and checks are handed to the grid's worker as fieldwork tasks (done on the phone's today
-- page, followed back here); where a campaign says so, a colour also raises a work order, followed back from the
-- work-order journal until it ends.
ALTER TABLE enforcement_campaign_spawn DROP CONSTRAINT enforcement_campaign_spawn_kind_check;
ALTER TABLE enforcement_campaign_spawn ADD CONSTRAINT enforcement_campaign_spawn_kind_check CHECK (kind IN ('VISIT', 'CHECK', 'ORDER'));

ALTER TABLE enforcement_campaign_task ADD COLUMN field_task_id bigint;
ALTER TABLE enforcement_campaign_task ADD COLUMN order_id bigint;
ALTER TABLE enforcement_campaign_task ADD COLUMN order_number text;
CREATE INDEX enforcement_campaign_task_order ON enforcement_campaign_task (order_id) WHERE order_id IS NOT NULL;

-- 防汛: a red site (危房, 地下空间, 低洼) also becomes a work order for the departments, besides the grid's check.
INSERT INTO enforcement_campaign_spawn (campaign_code, colour, kind, within_hours) VALUES ('FLOOD_SEASON', 'RED', 'ORDER', 72);
