-- 联合执法 (1+5+N): the list of enforcement items (执法事项清单), the scenarios with their inspection
-- checklists, enforcement cases with their summoned departments, inspections, parties, history and the
-- one combined notice (全科执法 责令改正通知书) per case with a gap-free number series per street and year.
CREATE TABLE enforcement_item (
    code          text PRIMARY KEY,
    matter        text        NOT NULL,
    department    text        NOT NULL,
    legal_basis   text        NOT NULL,
    penalty_range text        NOT NULL,
    active        boolean     NOT NULL DEFAULT true,
    updated_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE enforcement_scenario (
    code      text PRIMARY KEY,
    name_zh   text   NOT NULL,
    name_en   text   NOT NULL,
    checklist text[] NOT NULL,
    items     text[] NOT NULL,
    position  integer NOT NULL
);

CREATE TABLE enforcement_case (
    id                    bigserial PRIMARY KEY,
    version               integer     NOT NULL DEFAULT 0,
    number                text        NOT NULL UNIQUE,
    district_code         text        NOT NULL,
    street_code           text        NOT NULL,
    grid_code             text,
    scenario_code         text        NOT NULL REFERENCES enforcement_scenario (code),
    source                text        NOT NULL CHECK (source IN ('ORDER', 'FINDING', 'DIRECT')),
    order_id              bigint,
    finding_id            bigint,
    title                 text        NOT NULL,
    address               text        NOT NULL,
    stage                 text        NOT NULL,
    lead_department_id    bigint      NOT NULL,
    lead_department_name  text        NOT NULL,
    transferred_to        text,
    decision              text,
    reinspect_due         date,
    reinspected_at        timestamptz,
    reinspection_passed   boolean,
    created_by            bigint      NOT NULL,
    created_by_name       text        NOT NULL,
    created_at            timestamptz NOT NULL,
    updated_at            timestamptz NOT NULL,
    request_key           text UNIQUE
);
CREATE INDEX enforcement_case_street ON enforcement_case (street_code, created_at DESC);
CREATE INDEX enforcement_case_lead ON enforcement_case (lead_department_id);

CREATE TABLE enforcement_summons (
    id              bigserial PRIMARY KEY,
    case_id         bigint      NOT NULL REFERENCES enforcement_case (id),
    department_id   bigint      NOT NULL,
    department_name text        NOT NULL,
    summoned_at     timestamptz NOT NULL,
    due_at          timestamptz NOT NULL,
    arrived_at      timestamptz,
    arrived_by_name text,
    escalated_at    timestamptz,
    UNIQUE (case_id, department_id)
);
CREATE INDEX enforcement_summons_waiting ON enforcement_summons (due_at) WHERE arrived_at IS NULL AND escalated_at IS NULL;
CREATE INDEX enforcement_summons_department ON enforcement_summons (department_id);

CREATE TABLE enforcement_history (
    id            bigserial PRIMARY KEY,
    case_id       bigint      NOT NULL REFERENCES enforcement_case (id),
    at            timestamptz NOT NULL,
    actor_user_id bigint      NOT NULL,
    actor_name    text        NOT NULL,
    action        text        NOT NULL,
    from_stage    text,
    to_stage      text        NOT NULL,
    note          text
);
CREATE INDEX enforcement_history_case ON enforcement_history (case_id, id);

CREATE TABLE enforcement_inspection (
    id          bigserial PRIMARY KEY,
    case_id     bigint      NOT NULL REFERENCES enforcement_case (id),
    at          timestamptz NOT NULL,
    by_user_id  bigint      NOT NULL,
    by_name     text        NOT NULL,
    failed      text[]      NOT NULL,
    passed      text[]      NOT NULL,
    findings    text        NOT NULL,
    photo_ids   text[]      NOT NULL,
    request_key text UNIQUE
);
CREATE INDEX enforcement_inspection_case ON enforcement_inspection (case_id);

CREATE TABLE enforcement_party (
    id        bigserial PRIMARY KEY,
    case_id   bigint NOT NULL REFERENCES enforcement_case (id),
    kind      text   NOT NULL CHECK (kind IN ('PERSON', 'BUSINESS')),
    name      text   NOT NULL,
    phone     text,
    reference text
);
CREATE INDEX enforcement_party_case ON enforcement_party (case_id);

CREATE TABLE enforcement_case_item (
    case_id   bigint NOT NULL REFERENCES enforcement_case (id),
    item_code text   NOT NULL REFERENCES enforcement_item (code),
    PRIMARY KEY (case_id, item_code)
);

CREATE TABLE enforcement_notice_series (
    street_code text    NOT NULL,
    year        integer NOT NULL,
    last_seq    integer NOT NULL,
    PRIMARY KEY (street_code, year)
);

CREATE TABLE enforcement_notice (
    id             bigserial PRIMARY KEY,
    case_id        bigint      NOT NULL UNIQUE REFERENCES enforcement_case (id),
    number         text        NOT NULL UNIQUE,
    street_code    text        NOT NULL,
    year           integer     NOT NULL,
    seq            integer     NOT NULL,
    issued_at      timestamptz NOT NULL,
    issued_by_name text        NOT NULL,
    rectify_by     date        NOT NULL,
    requirement    text        NOT NULL,
    UNIQUE (street_code, year, seq)
);
