-- Grids (网格) under communities: comprehensive ones tile their community, dedicated ones cover an
-- enterprise, school, building or park and may overlap them. Geometry is a WGS-84 Polygon or
-- MultiPolygon as WKB; geometry work happens in JTS, the bounding box serves coarse filters.
-- Street and district codes repeat the code's prefixes so that every hot query can filter by
-- district (the distribution key should the database ever be sharded).
CREATE TABLE geo_grid (
    code           VARCHAR(15)      NOT NULL,
    name           VARCHAR(100)     NOT NULL,
    kind           VARCHAR(16)      NOT NULL,
    dedicated_type VARCHAR(16),
    community_code VARCHAR(12)      NOT NULL,
    street_code    VARCHAR(9)       NOT NULL,
    district_code  VARCHAR(6)       NOT NULL,
    households     INTEGER          NOT NULL,
    population     INTEGER          NOT NULL,
    geometry       BYTEA            NOT NULL,
    min_lon        DOUBLE PRECISION NOT NULL,
    min_lat        DOUBLE PRECISION NOT NULL,
    max_lon        DOUBLE PRECISION NOT NULL,
    max_lat        DOUBLE PRECISION NOT NULL,
    area_m2        DOUBLE PRECISION NOT NULL,
    updated_at     TIMESTAMPTZ      NOT NULL,
    CONSTRAINT geo_grid_pk PRIMARY KEY (code),
    CONSTRAINT geo_grid_community_fk FOREIGN KEY (community_code) REFERENCES geo_division (code),
    CONSTRAINT geo_grid_kind_ck CHECK (kind IN ('COMPREHENSIVE', 'DEDICATED')),
    CONSTRAINT geo_grid_dedicated_ck CHECK ((kind = 'DEDICATED') = (dedicated_type IS NOT NULL)),
    CONSTRAINT geo_grid_code_ck CHECK (length(code) = 15 AND left(code, 12) = community_code
        AND street_code = left(code, 9) AND district_code = left(code, 6)),
    CONSTRAINT geo_grid_counts_ck CHECK (households >= 0 AND population >= 0)
);

-- grids of a community (import, gap check, list filter), of a street, of a district (scope filter)
CREATE INDEX geo_grid_community_ix ON geo_grid (community_code, kind, code);
CREATE INDEX geo_grid_street_ix ON geo_grid (street_code, code);
CREATE INDEX geo_grid_district_ix ON geo_grid (district_code, code);

-- Grid workers (网格员) assigned to grids. Users belong to another module: the username and
-- display name are copies taken at assignment, the user id the reference.
CREATE TABLE geo_grid_worker (
    grid_code     VARCHAR(15)  NOT NULL,
    user_id       BIGINT       NOT NULL,
    username      VARCHAR(100) NOT NULL,
    display_name  VARCHAR(100) NOT NULL,
    full_time     BOOLEAN      NOT NULL,
    district_code VARCHAR(6)   NOT NULL,
    assigned_at   TIMESTAMPTZ  NOT NULL,
    CONSTRAINT geo_grid_worker_pk PRIMARY KEY (grid_code, user_id),
    CONSTRAINT geo_grid_worker_grid_fk FOREIGN KEY (grid_code) REFERENCES geo_grid (code) ON DELETE CASCADE
);

-- the grids of a worker
CREATE INDEX geo_grid_worker_user_ix ON geo_grid_worker (user_id, grid_code);

-- One row counting changes to the territory. Every change of grids bumps it in the same
-- transaction (and locks the row, so that imports run one at a time); nodes compare it with the
-- revision of their in-memory grid index.
CREATE TABLE geo_revision (
    id         INTEGER     NOT NULL,
    revision   BIGINT      NOT NULL,
    changed_at TIMESTAMPTZ NOT NULL,
    CONSTRAINT geo_revision_pk PRIMARY KEY (id),
    CONSTRAINT geo_revision_single_ck CHECK (id = 1)
);
INSERT INTO geo_revision (id, revision, changed_at) VALUES (1, 0, now());
