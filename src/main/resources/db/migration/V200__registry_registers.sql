-- Base-data registers (人、地、物、事、组织) per grid, in the spirit of GB/T 31000. Every record carries
-- the grid it lies in and that grid's district code (the distribution key): the data scope filters on
-- grid_code prefixes, and re-gridding after a boundary change rewrites both. Houses, households and
-- people take the grid of their building.
CREATE TABLE registry_building (
    id            BIGSERIAL        PRIMARY KEY,
    district_code VARCHAR(6)       NOT NULL,
    grid_code     VARCHAR(15)      NOT NULL,
    name          VARCHAR(100)     NOT NULL,
    address       VARCHAR(200)     NOT NULL,
    lon           DOUBLE PRECISION NOT NULL,
    lat           DOUBLE PRECISION NOT NULL,
    floors        INTEGER          NOT NULL,
    created_at    TIMESTAMPTZ      NOT NULL,
    updated_at    TIMESTAMPTZ      NOT NULL,
    CONSTRAINT registry_building_grid_ck CHECK (district_code = left(grid_code, 6)),
    CONSTRAINT registry_building_floors_ck CHECK (floors BETWEEN 1 AND 200)
);
CREATE INDEX registry_building_grid_ix ON registry_building (grid_code);
CREATE INDEX registry_building_address_ix ON registry_building (district_code, address text_pattern_ops);

CREATE TABLE registry_house (
    id            BIGSERIAL    PRIMARY KEY,
    building_id   BIGINT       NOT NULL REFERENCES registry_building (id),
    district_code VARCHAR(6)   NOT NULL,
    grid_code     VARCHAR(15)  NOT NULL,
    room          VARCHAR(40)  NOT NULL,
    house_use     VARCHAR(16)  NOT NULL,
    occupancy     VARCHAR(16)  NOT NULL,
    area_m2       NUMERIC(8, 2),
    created_at    TIMESTAMPTZ  NOT NULL,
    updated_at    TIMESTAMPTZ  NOT NULL,
    CONSTRAINT registry_house_room_uq UNIQUE (building_id, room),
    CONSTRAINT registry_house_use_ck CHECK (house_use IN ('RESIDENTIAL', 'COMMERCIAL', 'OFFICE', 'MIXED', 'OTHER')),
    CONSTRAINT registry_house_occupancy_ck CHECK (occupancy IN ('OWNER_OCCUPIED', 'RENTED', 'VACANT'))
);
CREATE INDEX registry_house_grid_ix ON registry_house (grid_code);

CREATE TABLE registry_household (
    id            BIGSERIAL    PRIMARY KEY,
    house_id      BIGINT       NOT NULL REFERENCES registry_house (id),
    district_code VARCHAR(6)   NOT NULL,
    grid_code     VARCHAR(15)  NOT NULL,
    number        VARCHAR(30)  NOT NULL,
    created_at    TIMESTAMPTZ  NOT NULL,
    CONSTRAINT registry_household_number_uq UNIQUE (district_code, number)
);
CREATE INDEX registry_household_house_ix ON registry_household (house_id);
CREATE INDEX registry_household_grid_ix ON registry_household (grid_code);

-- 实有人口. The ID number is held as AES-GCM ciphertext (purpose registry_person.id_number), a keyed
-- HMAC for exact search and its masked form for lists; the plain number is never stored.
CREATE TABLE registry_person (
    id              BIGSERIAL    PRIMARY KEY,
    house_id        BIGINT       NOT NULL REFERENCES registry_house (id),
    household_id    BIGINT       REFERENCES registry_household (id),
    district_code   VARCHAR(6)   NOT NULL,
    grid_code       VARCHAR(15)  NOT NULL,
    name            VARCHAR(50)  NOT NULL,
    gender          VARCHAR(8)   NOT NULL,
    birth_date      DATE         NOT NULL,
    id_cipher       BYTEA,
    id_hash         BYTEA,
    id_masked       VARCHAR(20),
    phone           VARCHAR(20),
    residence       VARCHAR(16)  NOT NULL,
    relation        VARCHAR(16)  NOT NULL,
    living          VARCHAR(16)  NOT NULL,
    tags            VARCHAR(32)[] NOT NULL DEFAULT '{}',
    special         BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at      TIMESTAMPTZ  NOT NULL,
    updated_at      TIMESTAMPTZ  NOT NULL,
    deleted_at      TIMESTAMPTZ,
    deleted_by      VARCHAR(100),
    deleted_reason  VARCHAR(500),
    version         INTEGER      NOT NULL DEFAULT 0,
    CONSTRAINT registry_person_gender_ck CHECK (gender IN ('MALE', 'FEMALE')),
    CONSTRAINT registry_person_residence_ck CHECK (residence IN ('REGISTERED', 'FLOATING', 'FOREIGN')),
    CONSTRAINT registry_person_deleted_ck CHECK ((deleted_at IS NULL) = (deleted_reason IS NULL))
);
-- search: by name prefix, exact ID (hash), exact phone, tag, grid; all only among the living records
CREATE INDEX registry_person_name_ix ON registry_person (name text_pattern_ops) WHERE deleted_at IS NULL;
CREATE INDEX registry_person_id_hash_ix ON registry_person (id_hash) WHERE deleted_at IS NULL;
CREATE INDEX registry_person_phone_ix ON registry_person (phone) WHERE deleted_at IS NULL;
CREATE INDEX registry_person_grid_ix ON registry_person (grid_code, id) WHERE deleted_at IS NULL;
CREATE INDEX registry_person_house_ix ON registry_person (house_id);
CREATE INDEX registry_person_household_ix ON registry_person (household_id);
CREATE INDEX registry_person_tags_ix ON registry_person USING gin (tags) WHERE deleted_at IS NULL;

-- 法人/商户
CREATE TABLE registry_business (
    id             BIGSERIAL        PRIMARY KEY,
    district_code  VARCHAR(6)       NOT NULL,
    grid_code      VARCHAR(15)      NOT NULL,
    building_id    BIGINT           REFERENCES registry_building (id),
    name           VARCHAR(100)     NOT NULL,
    credit_code    VARCHAR(18)      NOT NULL,
    licences       VARCHAR(500)     NOT NULL DEFAULT '',
    contact_name   VARCHAR(50)      NOT NULL,
    contact_phone  VARCHAR(20)      NOT NULL,
    risk           VARCHAR(8)       NOT NULL,
    address        VARCHAR(200)     NOT NULL,
    lon            DOUBLE PRECISION NOT NULL,
    lat            DOUBLE PRECISION NOT NULL,
    created_at     TIMESTAMPTZ      NOT NULL,
    updated_at     TIMESTAMPTZ      NOT NULL,
    CONSTRAINT registry_business_credit_uq UNIQUE (credit_code),
    CONSTRAINT registry_business_risk_ck CHECK (risk IN ('LOW', 'MEDIUM', 'HIGH'))
);
CREATE INDEX registry_business_grid_ix ON registry_business (grid_code);
CREATE INDEX registry_business_name_ix ON registry_business (name text_pattern_ops);

-- 部件: a component of the catalog (its 5-digit code) at a point
CREATE TABLE registry_component (
    id             BIGSERIAL        PRIMARY KEY,
    district_code  VARCHAR(6)       NOT NULL,
    grid_code      VARCHAR(15)      NOT NULL,
    category_code  VARCHAR(10)      NOT NULL,
    identifier     VARCHAR(40)      NOT NULL,
    owner          VARCHAR(100)     NOT NULL,
    lon            DOUBLE PRECISION NOT NULL,
    lat            DOUBLE PRECISION NOT NULL,
    created_at     TIMESTAMPTZ      NOT NULL,
    CONSTRAINT registry_component_identifier_uq UNIQUE (district_code, identifier)
);
CREATE INDEX registry_component_grid_ix ON registry_component (grid_code, category_code);

-- Every change of a register record: who, when, field, old → new (personal values masked).
CREATE TABLE registry_history (
    id            BIGSERIAL    PRIMARY KEY,
    at            TIMESTAMPTZ  NOT NULL,
    user_id       BIGINT       NOT NULL,
    username      VARCHAR(100) NOT NULL,
    record_type   VARCHAR(16)  NOT NULL,
    record_id     BIGINT       NOT NULL,
    district_code VARCHAR(6)   NOT NULL,
    action        VARCHAR(16)  NOT NULL,
    field         VARCHAR(40),
    old_value     VARCHAR(500),
    new_value     VARCHAR(500)
);
CREATE INDEX registry_history_record_ix ON registry_history (record_type, record_id, at);
