-- Time limits (时限) as data: per scope (a category code, a major class code or '*'), urgency and stage.
-- The most specific scope wins. Every (urgency, stage) keeps a '*' row, so that a limit always resolves.
CREATE TABLE catalog_time_limit (
    id         BIGINT       GENERATED ALWAYS AS IDENTITY,
    scope      VARCHAR(6)   NOT NULL,
    urgency    VARCHAR(8)   NOT NULL,
    stage      VARCHAR(8)   NOT NULL,
    amount     INTEGER      NOT NULL,
    unit       VARCHAR(16)  NOT NULL,
    note       VARCHAR(500),
    updated_by VARCHAR(100) NOT NULL,
    updated_at TIMESTAMPTZ  NOT NULL,
    CONSTRAINT catalog_time_limit_pk PRIMARY KEY (id),
    CONSTRAINT catalog_time_limit_scope_ux UNIQUE (scope, urgency, stage),
    CONSTRAINT catalog_time_limit_scope_ck CHECK (scope = '*' OR scope ~ '^[CML][0-9]{2}([0-9]{3})?$'),
    CONSTRAINT catalog_time_limit_urgency_ck CHECK (urgency IN ('NORMAL', 'URGENT', 'CRITICAL')),
    CONSTRAINT catalog_time_limit_stage_ck CHECK (stage IN ('REGISTER', 'DISPATCH', 'HANDLE', 'VERIFY')),
    CONSTRAINT catalog_time_limit_amount_ck CHECK (amount BETWEEN 1 AND 100000),
    CONSTRAINT catalog_time_limit_unit_ck CHECK (unit IN ('MINUTES', 'WORKING_HOURS', 'WORKING_DAYS'))
);
