-- 入户走访: household visits in rounds of a cycle (every 2 months by default, yiwang.fieldwork.visits), care
-- visits (关爱走访) of people with care tags, and a grid's own cycle where an admin or its community set one.

-- a grid's cycle when it differs from the default: a length (P2M, P60D) counted from an anchor day
CREATE TABLE fieldwork_visit_cycle (
    grid_code   VARCHAR(15)   PRIMARY KEY,
    cycle       VARCHAR(10)   NOT NULL,
    anchor      DATE          NOT NULL,
    updated_by  BIGINT        NOT NULL,
    updated_at  TIMESTAMPTZ   NOT NULL
);

-- every visit recorded, present or absent; the phone's request id makes a visit sent twice one visit
CREATE TABLE fieldwork_visit (
    id            BIGSERIAL      PRIMARY KEY,
    household_id  BIGINT         NOT NULL,
    district_code VARCHAR(6)     NOT NULL,
    grid_code     VARCHAR(15)    NOT NULL,
    round_start   DATE           NOT NULL,
    user_id       BIGINT         NOT NULL,
    request_id    VARCHAR(100)   NOT NULL,
    at            TIMESTAMPTZ    NOT NULL,
    present       BOOLEAN        NOT NULL,
    needs         VARCHAR(2000)  NOT NULL DEFAULT '',
    need_kinds    VARCHAR(20)[]  NOT NULL DEFAULT '{}',
    services      VARCHAR(20)[]  NOT NULL DEFAULT '{}',
    note          VARCHAR(2000)  NOT NULL DEFAULT '',
    photo_ids     TEXT[]         NOT NULL DEFAULT '{}',
    order_id      BIGINT,
    order_number  VARCHAR(40),
    counted       BOOLEAN        NOT NULL DEFAULT FALSE,
    CONSTRAINT fieldwork_visit_request UNIQUE (user_id, request_id)
);
CREATE INDEX fieldwork_visit_household ON fieldwork_visit (household_id, at);
CREATE INDEX fieldwork_visit_user_at ON fieldwork_visit (user_id, at);

-- a household covered in a round: one row however many workers recorded a present visit (the first visit counts)
CREATE TABLE fieldwork_visit_cover (
    household_id  BIGINT        NOT NULL,
    round_start   DATE          NOT NULL,
    district_code VARCHAR(6)    NOT NULL,
    grid_code     VARCHAR(15)   NOT NULL,
    visit_id      BIGINT        NOT NULL REFERENCES fieldwork_visit (id),
    at            TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (household_id, round_start)
);
CREATE INDEX fieldwork_visit_cover_grid ON fieldwork_visit_cover (grid_code, round_start);

-- 关爱走访: a care visit of one person, on its own or as part of a household visit that met them
CREATE TABLE fieldwork_care_visit (
    id            BIGSERIAL      PRIMARY KEY,
    person_id     BIGINT         NOT NULL,
    district_code VARCHAR(6)     NOT NULL,
    grid_code     VARCHAR(15)    NOT NULL,
    user_id       BIGINT         NOT NULL,
    request_id    VARCHAR(100),
    at            TIMESTAMPTZ    NOT NULL,
    note          VARCHAR(2000)  NOT NULL DEFAULT '',
    visit_id      BIGINT         REFERENCES fieldwork_visit (id),
    CONSTRAINT fieldwork_care_visit_request UNIQUE (user_id, request_id),
    CONSTRAINT fieldwork_care_visit_once UNIQUE (visit_id, person_id)
);
CREATE INDEX fieldwork_care_visit_person ON fieldwork_care_visit (person_id, at);
CREATE INDEX fieldwork_care_visit_user_at ON fieldwork_care_visit (user_id, at);
