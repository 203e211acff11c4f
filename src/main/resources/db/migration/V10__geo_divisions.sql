-- Administrative divisions (区划) by statistical code: province, city and district (6 digits),
-- street (街道, 9 digits) and community (社区, 12 digits). Loaded from geo/divisions-*.csv at start;
-- communities come from grid imports or the demo generator. A community may carry its boundary
-- (WGS-84 polygon as WKB, with its bounding box) against which grid coverage is checked.
CREATE TABLE geo_division (
    code          VARCHAR(12)      NOT NULL,
    name          VARCHAR(100)     NOT NULL,
    level         VARCHAR(12)      NOT NULL,
    parent_code   VARCHAR(12),
    district_code VARCHAR(6),
    boundary      BYTEA,
    min_lon       DOUBLE PRECISION,
    min_lat       DOUBLE PRECISION,
    max_lon       DOUBLE PRECISION,
    max_lat       DOUBLE PRECISION,
    area_m2       DOUBLE PRECISION,
    updated_at    TIMESTAMPTZ      NOT NULL,
    CONSTRAINT geo_division_pk PRIMARY KEY (code),
    CONSTRAINT geo_division_parent_fk FOREIGN KEY (parent_code) REFERENCES geo_division (code),
    CONSTRAINT geo_division_level_ck CHECK (level IN ('PROVINCE', 'CITY', 'DISTRICT', 'STREET', 'COMMUNITY')),
    CONSTRAINT geo_division_code_ck CHECK (code ~ '^[0-9]+$'
        AND length(code) = CASE level WHEN 'STREET' THEN 9 WHEN 'COMMUNITY' THEN 12 ELSE 6 END),
    CONSTRAINT geo_division_parent_ck CHECK (level = 'PROVINCE' OR parent_code IS NOT NULL),
    CONSTRAINT geo_division_district_ck CHECK (level IN ('PROVINCE', 'CITY') OR district_code = left(code, 6)),
    CONSTRAINT geo_division_boundary_ck CHECK (boundary IS NULL OR level = 'COMMUNITY')
);

-- children of a division (division tree, communities of a street)
CREATE INDEX geo_division_parent_ix ON geo_division (parent_code, code);
