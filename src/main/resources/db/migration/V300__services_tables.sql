-- 一网通办 at the street and community: the service item catalog (事项清单) imported from services/items-v1.csv,
-- 一件事 bundles, the 街社同权 switch per community, applications with their materials, history, 整改 reviews
-- after a 差评, and the queue tickets (叫号) of the service halls.

CREATE TABLE services_catalog_import (
    file          VARCHAR(60)   PRIMARY KEY,
    version       INT           NOT NULL,
    rows_read     INT           NOT NULL,
    imported_at   TIMESTAMPTZ   NOT NULL
);

CREATE TABLE services_item (
    code            VARCHAR(20)    PRIMARY KEY,
    name            VARCHAR(200)   NOT NULL,
    item_class      VARCHAR(20)    NOT NULL,
    department      VARCHAR(100)   NOT NULL,
    home_level      VARCHAR(10)    NOT NULL,
    same_rights     BOOLEAN        NOT NULL,
    kind            VARCHAR(10)    NOT NULL,
    legal_days      INT            NOT NULL,
    promised_days   INT            NOT NULL,
    fee             VARCHAR(200)   NOT NULL DEFAULT '0',
    channels        VARCHAR(40)    NOT NULL,
    materials       VARCHAR(4000)  NOT NULL DEFAULT '',
    guide           VARCHAR(4000)  NOT NULL DEFAULT '',
    enabled         BOOLEAN        NOT NULL DEFAULT TRUE,
    catalog_version INT            NOT NULL,
    -- an item an admin edited keeps its edit when a later catalog version is imported
    edited_by       BIGINT,
    edited_at       TIMESTAMPTZ,
    CONSTRAINT services_item_level CHECK (home_level IN ('STREET', 'COMMUNITY')),
    CONSTRAINT services_item_kind CHECK (kind IN ('IMMEDIATE', 'PROMISED')),
    CONSTRAINT services_item_days CHECK (legal_days >= 0 AND promised_days >= 0 AND promised_days <= legal_days)
);

CREATE TABLE services_bundle (
    code            VARCHAR(30)    PRIMARY KEY,
    name            VARCHAR(100)   NOT NULL,
    kind            VARCHAR(10)    NOT NULL,
    care_tag        VARCHAR(40),
    items           VARCHAR(20)[]  NOT NULL,
    description     VARCHAR(1000)  NOT NULL DEFAULT '',
    catalog_version INT            NOT NULL
);

-- 街社同权 switched off for one community (on unless a row says otherwise)
CREATE TABLE services_community_rights (
    community_code  VARCHAR(12)    PRIMARY KEY,
    same_rights     BOOLEAN        NOT NULL,
    updated_by      BIGINT         NOT NULL,
    updated_at      TIMESTAMPTZ    NOT NULL
);

-- uploaded material files: bytes in the database, so that a refused application leaves none behind
CREATE TABLE services_file (
    id            BIGSERIAL      PRIMARY KEY,
    sha256        VARCHAR(64)    NOT NULL,
    content_type  VARCHAR(40)    NOT NULL,
    size_bytes    INT            NOT NULL,
    bytes         BYTEA          NOT NULL,
    uploaded_by   BIGINT         NOT NULL,
    uploaded_at   TIMESTAMPTZ    NOT NULL
);

CREATE TABLE services_application (
    id              BIGSERIAL      PRIMARY KEY,
    number          VARCHAR(30)    NOT NULL UNIQUE,
    parent_id       BIGINT         REFERENCES services_application (id),
    item_code       VARCHAR(20)    REFERENCES services_item (code),
    bundle_code     VARCHAR(30)    REFERENCES services_bundle (code),
    status          VARCHAR(12)    NOT NULL,
    community_code  VARCHAR(12)    NOT NULL,
    channel         VARCHAR(10)    NOT NULL,
    delivery        VARCHAR(10)    NOT NULL,
    mail_address    VARCHAR(300)   NOT NULL DEFAULT '',
    applicant_user_id BIGINT,
    applicant_name  VARCHAR(100)   NOT NULL,
    applicant_phone VARCHAR(20)    NOT NULL,
    registry_person_id BIGINT,
    proxy_user_id   BIGINT,
    consent_note    VARCHAR(500)   NOT NULL DEFAULT '',
    note            VARCHAR(1000)  NOT NULL DEFAULT '',
    created_by      BIGINT         NOT NULL,
    request_id      VARCHAR(100)   NOT NULL,
    submitted_at    TIMESTAMPTZ    NOT NULL,
    -- the promised limit runs from submission; paused_seconds is working time spent waiting for 补正
    due_at          TIMESTAMPTZ,
    suspended_at    TIMESTAMPTZ,
    paused_seconds  BIGINT         NOT NULL DEFAULT 0,
    missing         VARCHAR(1000)  NOT NULL DEFAULT '',
    accepted_at     TIMESTAMPTZ,
    accepted_level  VARCHAR(10),
    approved_level  VARCHAR(10),
    result_number   VARCHAR(100)   NOT NULL DEFAULT '',
    reason          VARCHAR(1000)  NOT NULL DEFAULT '',
    ended_at        TIMESTAMPTZ,
    on_time         BOOLEAN,
    rating          INT,
    rating_reason   VARCHAR(500)   NOT NULL DEFAULT '',
    rated_at        TIMESTAMPTZ,
    version         INT            NOT NULL DEFAULT 0,
    CONSTRAINT services_application_request UNIQUE (created_by, request_id),
    -- an item's application, or the parent of a bundle (一件事) whose children are its items' applications
    CONSTRAINT services_application_one CHECK (item_code IS NOT NULL OR (bundle_code IS NOT NULL AND parent_id IS NULL)),
    CONSTRAINT services_application_rating CHECK (rating IS NULL OR rating BETWEEN 1 AND 5)
);
CREATE INDEX services_application_community ON services_application (community_code, status);
CREATE INDEX services_application_applicant ON services_application (applicant_user_id);
CREATE INDEX services_application_phone ON services_application (applicant_phone);
CREATE INDEX services_application_parent ON services_application (parent_id);

CREATE TABLE services_application_material (
    application_id  BIGINT         NOT NULL REFERENCES services_application (id),
    name            VARCHAR(100)   NOT NULL,
    file_id         BIGINT         NOT NULL REFERENCES services_file (id),
    added_at        TIMESTAMPTZ    NOT NULL,
    PRIMARY KEY (application_id, name, file_id)
);
CREATE INDEX services_application_material_file ON services_application_material (file_id);

CREATE TABLE services_history (
    id              BIGSERIAL      PRIMARY KEY,
    application_id  BIGINT         NOT NULL REFERENCES services_application (id),
    at              TIMESTAMPTZ    NOT NULL,
    user_id         BIGINT         NOT NULL,
    action          VARCHAR(20)    NOT NULL,
    from_status     VARCHAR(12),
    to_status       VARCHAR(12)    NOT NULL,
    note            VARCHAR(1000)  NOT NULL DEFAULT ''
);
CREATE INDEX services_history_application ON services_history (application_id, at);

-- 差评 → 整改: a review task with its own limit
CREATE TABLE services_review (
    id              BIGSERIAL      PRIMARY KEY,
    application_id  BIGINT         NOT NULL UNIQUE REFERENCES services_application (id),
    community_code  VARCHAR(12)    NOT NULL,
    rating          INT            NOT NULL,
    reason          VARCHAR(500)   NOT NULL,
    opened_at       TIMESTAMPTZ    NOT NULL,
    due_at          TIMESTAMPTZ    NOT NULL,
    closed_at       TIMESTAMPTZ,
    closed_by       BIGINT,
    outcome         VARCHAR(1000)  NOT NULL DEFAULT ''
);
CREATE INDEX services_review_open ON services_review (community_code) WHERE closed_at IS NULL;

-- 叫号: a ticket of one hall (a community's 便民服务站 or the street's 便民服务中心, by division code) and day
CREATE TABLE services_ticket (
    id              BIGSERIAL      PRIMARY KEY,
    hall_code       VARCHAR(12)    NOT NULL,
    day             DATE           NOT NULL,
    queue           VARCHAR(20)    NOT NULL,
    seq             INT            NOT NULL,
    label           VARCHAR(10)    NOT NULL,
    user_id         BIGINT,
    status          VARCHAR(10)    NOT NULL,
    counter         VARCHAR(20)    NOT NULL DEFAULT '',
    taken_at        TIMESTAMPTZ    NOT NULL,
    called_at       TIMESTAMPTZ,
    called_by       BIGINT,
    finished_at     TIMESTAMPTZ,
    application_id  BIGINT         REFERENCES services_application (id),
    CONSTRAINT services_ticket_seq UNIQUE (hall_code, day, queue, seq)
);
CREATE INDEX services_ticket_waiting ON services_ticket (hall_code, day, status, id);
