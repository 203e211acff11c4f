-- 回访: a follow-up call owed to a resident who rated the result of their order dissatisfied.
-- One per order and rating (a journal change applied twice makes no second task).
CREATE TABLE desks_follow_up (
    id            bigserial PRIMARY KEY,
    version       integer     NOT NULL DEFAULT 0,
    order_id      bigint      NOT NULL,
    order_number  text        NOT NULL,
    district_code text        NOT NULL,
    street_code   text,
    rated_at      timestamptz NOT NULL,
    created_at    timestamptz NOT NULL,
    status        text        NOT NULL CHECK (status IN ('OPEN', 'DONE')),
    reached       boolean,
    result        text,
    reopened      boolean,
    done_by       bigint,
    done_by_name  text,
    done_at       timestamptz,
    UNIQUE (order_id, rated_at)
);

-- the desk lists a territory's open tasks, oldest first
CREATE INDEX desks_follow_up_open ON desks_follow_up (district_code, status, created_at);
