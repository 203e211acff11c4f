-- 标准地址: the local standard-address table that locates hotline and 数字城管 reports given only in words.
-- Points are WGS-84; the grid and district are those of the point when it was imported.
CREATE TABLE intake_address (
    code          VARCHAR(64)      PRIMARY KEY,
    address       VARCHAR(300)     NOT NULL,
    normalized    VARCHAR(300)     NOT NULL,
    lat           DOUBLE PRECISION NOT NULL,
    lon           DOUBLE PRECISION NOT NULL,
    grid_code     VARCHAR(15)      NOT NULL,
    district_code VARCHAR(6)       NOT NULL,
    updated_at    TIMESTAMPTZ      NOT NULL,
    updated_by    BIGINT           NOT NULL
);
-- exact and longest-prefix lookups compare the normalized text for equality
CREATE INDEX intake_address_normalized ON intake_address (normalized);
-- the administrators' search by words
CREATE INDEX intake_address_district ON intake_address (district_code, code);
