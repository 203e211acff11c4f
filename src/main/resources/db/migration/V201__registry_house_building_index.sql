-- The houses of a building: an address search finds its buildings by the address index, then their houses
-- and the people in them. Without this index each search joined all houses (a tail of seconds on 400,000).
CREATE INDEX registry_house_building_ix ON registry_house (building_id);
