-- Duplicates: the open orders in a box around a new report. The b-tree on (lat, lon, reported_at) could
-- only narrow the latitude: every probe read the whole band across the district (thousands of entries under
-- load) to keep the few dozen inside the box. A GiST index on the point finds the box directly.
CREATE INDEX sorter_intake_near_point ON sorter_intake USING gist (point(lon, lat)) WHERE open;
DROP INDEX sorter_intake_near;
