-- 附议 weighs in hot spots: a report counts once for its reporter and once for each resident who supported it.
ALTER TABLE sorter_intake ADD COLUMN supporters INT NOT NULL DEFAULT 0;
