-- Assessment (考核评价) read model, kept by following the work-order journal (assessment.order-facts).
-- One row of facts per order: the month it was reported in (China Standard Time), where it lies, which
-- unit handles it, which grid worker reported it, and 0/1 flags every formula counts. Flags are the
-- order's latest state (a reopened order is not closed until it is closed again), so a change applied
-- twice changes nothing.
CREATE TABLE assessment_order_fact (
    order_id          BIGINT       PRIMARY KEY,
    number            VARCHAR(20)  NOT NULL,
    month             DATE         NOT NULL,
    district_code     VARCHAR(6)   NOT NULL,
    grid_code         VARCHAR(15)  NOT NULL,
    unit_id           BIGINT       NOT NULL DEFAULT 0,
    worker_id         BIGINT       NOT NULL DEFAULT 0,
    hotline           BOOLEAN      NOT NULL,
    merged            SMALLINT     NOT NULL DEFAULT 0,
    registered        SMALLINT     NOT NULL DEFAULT 0,
    voided            SMALLINT     NOT NULL DEFAULT 0,
    dispatched        SMALLINT     NOT NULL DEFAULT 0,
    returned          SMALLINT     NOT NULL DEFAULT 0,
    handled           SMALLINT     NOT NULL DEFAULT 0,
    handled_on_time   SMALLINT     NOT NULL DEFAULT 0,
    closed            SMALLINT     NOT NULL DEFAULT 0,
    closed_on_time    SMALLINT     NOT NULL DEFAULT 0,
    reworked          SMALLINT     NOT NULL DEFAULT 0,
    extended          SMALLINT     NOT NULL DEFAULT 0,
    reopened          SMALLINT     NOT NULL DEFAULT 0,
    evaluated         SMALLINT     NOT NULL DEFAULT 0,
    satisfied         SMALLINT     NOT NULL DEFAULT 0,
    responded         SMALLINT     NOT NULL DEFAULT 0,
    active            SMALLINT     NOT NULL DEFAULT 0,
    handle_due_at     TIMESTAMPTZ,
    verify_due_at     TIMESTAMPTZ,
    as_of             TIMESTAMPTZ  NOT NULL
);
-- drill-down: the orders behind a figure of a month within a territory
CREATE INDEX assessment_order_fact_month ON assessment_order_fact (district_code, month, grid_code text_pattern_ops);
CREATE INDEX assessment_order_fact_unit ON assessment_order_fact (district_code, month, unit_id) WHERE unit_id <> 0;
CREATE INDEX assessment_order_fact_worker ON assessment_order_fact (district_code, month, worker_id) WHERE worker_id <> 0;

-- The same flags summed per month, in three tables so that each level reads few rows: by grid (streets,
-- communities and grids), by community and handling unit (departments; the community keeps the reader's
-- territory), by grid and reporting grid worker. A city month over 10,000,000 orders has tens of thousands
-- of rows in each, never one per order.
CREATE TABLE assessment_month_area (
    month             DATE         NOT NULL,
    district_code     VARCHAR(6)   NOT NULL,
    area_code         VARCHAR(15)  NOT NULL,
    hotline           BOOLEAN      NOT NULL,
    reported          BIGINT       NOT NULL DEFAULT 0,
    merged            BIGINT       NOT NULL DEFAULT 0,
    registered        BIGINT       NOT NULL DEFAULT 0,
    voided            BIGINT       NOT NULL DEFAULT 0,
    dispatched        BIGINT       NOT NULL DEFAULT 0,
    returned          BIGINT       NOT NULL DEFAULT 0,
    handled           BIGINT       NOT NULL DEFAULT 0,
    handled_on_time   BIGINT       NOT NULL DEFAULT 0,
    closed            BIGINT       NOT NULL DEFAULT 0,
    closed_on_time    BIGINT       NOT NULL DEFAULT 0,
    reworked          BIGINT       NOT NULL DEFAULT 0,
    extended          BIGINT       NOT NULL DEFAULT 0,
    reopened          BIGINT       NOT NULL DEFAULT 0,
    evaluated         BIGINT       NOT NULL DEFAULT 0,
    satisfied         BIGINT       NOT NULL DEFAULT 0,
    responded         BIGINT       NOT NULL DEFAULT 0,
    active            BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (district_code, month, area_code, hotline)
);
CREATE TABLE assessment_month_unit (
    month             DATE         NOT NULL,
    district_code     VARCHAR(6)   NOT NULL,
    area_code         VARCHAR(15)  NOT NULL,
    unit_id           BIGINT       NOT NULL,
    hotline           BOOLEAN      NOT NULL,
    reported          BIGINT       NOT NULL DEFAULT 0,
    merged            BIGINT       NOT NULL DEFAULT 0,
    registered        BIGINT       NOT NULL DEFAULT 0,
    voided            BIGINT       NOT NULL DEFAULT 0,
    dispatched        BIGINT       NOT NULL DEFAULT 0,
    returned          BIGINT       NOT NULL DEFAULT 0,
    handled           BIGINT       NOT NULL DEFAULT 0,
    handled_on_time   BIGINT       NOT NULL DEFAULT 0,
    closed            BIGINT       NOT NULL DEFAULT 0,
    closed_on_time    BIGINT       NOT NULL DEFAULT 0,
    reworked          BIGINT       NOT NULL DEFAULT 0,
    extended          BIGINT       NOT NULL DEFAULT 0,
    reopened          BIGINT       NOT NULL DEFAULT 0,
    evaluated         BIGINT       NOT NULL DEFAULT 0,
    satisfied         BIGINT       NOT NULL DEFAULT 0,
    responded         BIGINT       NOT NULL DEFAULT 0,
    active            BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (district_code, month, area_code, unit_id, hotline)
);
CREATE TABLE assessment_month_worker (
    month             DATE         NOT NULL,
    district_code     VARCHAR(6)   NOT NULL,
    area_code         VARCHAR(15)  NOT NULL,
    worker_id         BIGINT       NOT NULL,
    hotline           BOOLEAN      NOT NULL,
    reported          BIGINT       NOT NULL DEFAULT 0,
    merged            BIGINT       NOT NULL DEFAULT 0,
    registered        BIGINT       NOT NULL DEFAULT 0,
    voided            BIGINT       NOT NULL DEFAULT 0,
    dispatched        BIGINT       NOT NULL DEFAULT 0,
    returned          BIGINT       NOT NULL DEFAULT 0,
    handled           BIGINT       NOT NULL DEFAULT 0,
    handled_on_time   BIGINT       NOT NULL DEFAULT 0,
    closed            BIGINT       NOT NULL DEFAULT 0,
    closed_on_time    BIGINT       NOT NULL DEFAULT 0,
    reworked          BIGINT       NOT NULL DEFAULT 0,
    extended          BIGINT       NOT NULL DEFAULT 0,
    reopened          BIGINT       NOT NULL DEFAULT 0,
    evaluated         BIGINT       NOT NULL DEFAULT 0,
    satisfied         BIGINT       NOT NULL DEFAULT 0,
    responded         BIGINT       NOT NULL DEFAULT 0,
    active            BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (district_code, month, area_code, worker_id, hotline)
);

-- Scoring schemes (考核方案): weights per indicator; every change is a new version, the newest applies.
CREATE TABLE assessment_scheme (
    version      INT          PRIMARY KEY,
    weights      JSONB        NOT NULL,
    note         VARCHAR(200),
    created_by   BIGINT       NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL
);
INSERT INTO assessment_scheme (version, weights, note, created_by, created_at) VALUES (1,
    '{"FILING":10,"DISPATCH_ACCURACY":10,"HANDLED_ON_TIME":20,"CLOSED_ON_TIME":20,"REWORK":10,"EXTENSION":5,"SATISFACTION":15,"HOTLINE_RESPONSE":4,"HOTLINE_RESOLUTION":3,"HOTLINE_SATISFACTION":3,"WHISTLE_REPORT_IN":5,"VISIT_COVERAGE":5,"PATROL":5}',
    '初始方案 / initial scheme', 0, now());

-- Monthly reports (月度通报): one Excel workbook and one PDF per month and territory, kept for download.
CREATE TABLE assessment_report (
    id            BIGINT       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    month         DATE         NOT NULL,
    scope_code    VARCHAR(12)  NOT NULL,
    format        VARCHAR(4)   NOT NULL CHECK (format IN ('xlsx', 'pdf')),
    content       BYTEA        NOT NULL,
    scheme_version INT         NOT NULL,
    created_by    BIGINT       NOT NULL,
    created_at    TIMESTAMPTZ  NOT NULL,
    UNIQUE (month, scope_code, format)
);
