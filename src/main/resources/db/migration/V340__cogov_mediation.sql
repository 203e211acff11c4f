-- 矛盾纠纷调解: dispute cases of a community, with parties, sessions, follow-up visits and history.
CREATE SEQUENCE cogov_mediation_number_seq;

CREATE TABLE cogov_mediation_case (
    id                    bigserial PRIMARY KEY,
    version               integer     NOT NULL DEFAULT 0,
    number                text        NOT NULL UNIQUE,
    request_id            text        UNIQUE,
    order_id              bigint      UNIQUE,
    order_number          text,
    district_code         text        NOT NULL,
    street_code           text        NOT NULL,
    community_code        text        NOT NULL,
    dispute_class         text        NOT NULL,
    summary               text        NOT NULL,
    status                text        NOT NULL,
    risk                  text        NOT NULL,
    petition_risk         boolean     NOT NULL DEFAULT false,
    criminal_risk         boolean     NOT NULL DEFAULT false,
    escalated_at          timestamptz,
    mediator_user_id      bigint,
    mediator_name         text,
    agreement             text,
    judicial_confirmation boolean,
    referral              text,
    referral_reason       text,
    created_by            bigint      NOT NULL,
    created_at            timestamptz NOT NULL,
    updated_at            timestamptz NOT NULL,
    ended_at              timestamptz
);
-- the desk lists a territory's cases by state, newest first
CREATE INDEX cogov_mediation_case_scope ON cogov_mediation_case (community_code text_pattern_ops, status, created_at DESC);

CREATE TABLE cogov_mediation_party (
    id       bigserial PRIMARY KEY,
    case_id  bigint NOT NULL REFERENCES cogov_mediation_case (id),
    role     text   NOT NULL,
    name     text   NOT NULL,
    phone    text,
    note     text
);
CREATE INDEX cogov_mediation_party_case ON cogov_mediation_party (case_id);

CREATE TABLE cogov_mediation_session (
    id           bigserial PRIMARY KEY,
    case_id      bigint      NOT NULL REFERENCES cogov_mediation_case (id),
    held_at      timestamptz NOT NULL,
    place        text,
    note         text        NOT NULL,
    recorded_by  text        NOT NULL
);
CREATE INDEX cogov_mediation_session_case ON cogov_mediation_session (case_id);

-- 回访: visits after an agreement, each with a due date
CREATE TABLE cogov_mediation_visit (
    id        bigserial PRIMARY KEY,
    case_id   bigint      NOT NULL REFERENCES cogov_mediation_case (id),
    due_on    date        NOT NULL,
    done_at   timestamptz,
    done_by   text,
    note      text
);
CREATE INDEX cogov_mediation_visit_case ON cogov_mediation_visit (case_id);

CREATE TABLE cogov_mediation_history (
    id          bigserial PRIMARY KEY,
    case_id     bigint      NOT NULL REFERENCES cogov_mediation_case (id),
    action      text        NOT NULL,
    from_status text        NOT NULL,
    to_status   text        NOT NULL,
    actor_id    bigint      NOT NULL,
    actor_name  text        NOT NULL,
    at          timestamptz NOT NULL,
    note        text
);
CREATE INDEX cogov_mediation_history_case ON cogov_mediation_history (case_id, id);
