-- Stage clocks (时限计时): one row per work order, following the order's running stage from the
-- work-order events, with the instants at which it turns yellow (80 % of the limit used) and red
-- (past the due time), and whether the warning and the escalation (督办) were done. A closed order
-- keeps its row (closed_at set) so that late or redelivered events are recognised as stale. The
-- district code is on both tables: it is the distribution key if they are ever spread over Citus.
CREATE TABLE sla_clock (
    order_id             BIGINT       PRIMARY KEY,
    number               VARCHAR(20)  NOT NULL,
    district_code        VARCHAR(6)   NOT NULL,
    street_code          VARCHAR(9),
    grid_code            VARCHAR(15),
    category_code        VARCHAR(10),
    urgency              VARCHAR(10),
    status               VARCHAR(12)  NOT NULL,
    -- the running stage; null when none runs (closed, voided)
    stage                VARCHAR(10),
    started_at           TIMESTAMPTZ,
    due_at               TIMESTAMPTZ,
    working_time         BOOLEAN      NOT NULL DEFAULT FALSE,
    -- the stage's limit in its own kind of time (working or natural), in milliseconds: the span from
    -- start to due without the time spent suspended, plus approved extensions
    limit_millis         BIGINT,
    warn_at              TIMESTAMPTZ,
    suspended            BOOLEAN      NOT NULL DEFAULT FALSE,
    suspended_at         TIMESTAMPTZ,
    assignee_org_unit_id BIGINT,
    assignee_user_id     BIGINT,
    assist_org_unit_ids  BIGINT[]     NOT NULL DEFAULT '{}',
    supervision_count    INT          NOT NULL DEFAULT 0,
    -- once per stage instance: set by the claim that sends the warning / escalates
    warned_at            TIMESTAMPTZ,
    breached_at          TIMESTAMPTZ,
    escalated            BOOLEAN      NOT NULL DEFAULT FALSE,
    -- breaches of this order over all its stage instances (from the second one, leaders are told)
    breach_count         INT          NOT NULL DEFAULT 0,
    -- event time of the newest order state applied: older events are stale
    as_of                TIMESTAMPTZ  NOT NULL,
    closed_at            TIMESTAMPTZ,
    updated_at           TIMESTAMPTZ  NOT NULL,
    CONSTRAINT sla_clock_stage_ck CHECK (stage IS NULL OR (started_at IS NOT NULL AND due_at IS NOT NULL AND warn_at IS NOT NULL))
);

-- the scheduler's two rounds: running clocks past their warning / due time, not yet warned / breached
CREATE INDEX sla_clock_warn_round ON sla_clock (warn_at)
    WHERE closed_at IS NULL AND warned_at IS NULL AND breached_at IS NULL AND NOT suspended;
CREATE INDEX sla_clock_breach_round ON sla_clock (due_at)
    WHERE closed_at IS NULL AND breached_at IS NULL AND NOT suspended;
-- GET /api/sla/overdue: running clocks by due time
CREATE INDEX sla_clock_open_due ON sla_clock (due_at, order_id) WHERE closed_at IS NULL;
-- GET /api/sla/overview within a territory or for a department
CREATE INDEX sla_clock_open_territory ON sla_clock (district_code, grid_code text_pattern_ops) WHERE closed_at IS NULL;
CREATE INDEX sla_clock_open_assignee ON sla_clock (assignee_org_unit_id) WHERE closed_at IS NULL;

-- The history of each clock: stage started, due time moved (from → to, and the work-order action
-- that moved it), suspended, resumed, warned, breached, stopped. Append-only.
CREATE TABLE sla_clock_event (
    id               BIGINT       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id         BIGINT       NOT NULL,
    district_code    VARCHAR(6)   NOT NULL,
    kind             VARCHAR(12)  NOT NULL,
    stage            VARCHAR(10),
    stage_started_at TIMESTAMPTZ,
    at               TIMESTAMPTZ  NOT NULL,
    action           VARCHAR(24),
    due_before       TIMESTAMPTZ,
    due_after        TIMESTAMPTZ,
    details          JSONB        NOT NULL DEFAULT '{}',
    CONSTRAINT sla_clock_event_kind_ck CHECK (kind IN ('STARTED', 'DUE_MOVED', 'SUSPENDED', 'RESUMED', 'WARNED', 'BREACHED', 'STOPPED')),
    -- a redelivered event finds its entry already there
    CONSTRAINT sla_clock_event_once UNIQUE NULLS NOT DISTINCT (order_id, kind, at, stage)
);
CREATE INDEX sla_clock_event_order ON sla_clock_event (order_id, at, id);
