-- The work-order journal: every saved change of a work order (a WorkOrderJournaled as JSON), written in the
-- order's own transaction. Followers in other modules (time limits, notices, the Open311 read model, the
-- status feed and webhooks, the sorter, analytics, whistles) read it in batches, each from its own cursor,
-- and move the cursor in the transaction that applies the batch: a change is applied once, after its
-- transaction committed, also after a crash. Rows are ordered by the writing transaction's id (tx) and
-- position; a follower only reads rows of transactions older than every transaction still running, so a
-- change committed late is never skipped.
CREATE TABLE workorder_journal (
    position    bigint      GENERATED ALWAYS AS IDENTITY,
    tx          xid8        NOT NULL DEFAULT pg_current_xact_id(),
    order_id    bigint      NOT NULL,
    change      text        NOT NULL,
    recorded_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tx, position)
);

-- Where each follower is: the last row it applied. One row per follower, locked while it applies a batch
-- (a second node skips it meanwhile).
CREATE TABLE workorder_journal_cursor (
    follower text        PRIMARY KEY,
    tx       xid8        NOT NULL,
    position bigint      NOT NULL,
    moved_at timestamptz NOT NULL DEFAULT now()
);

-- Changes a follower could not apply (not for a passing reason such as a lost connection): kept with the
-- error, tried again now and then, and visible to operators.
CREATE TABLE workorder_journal_parked (
    follower   text        NOT NULL,
    tx         xid8        NOT NULL,
    position   bigint      NOT NULL,
    change     text        NOT NULL,
    error      text        NOT NULL,
    attempts   int         NOT NULL DEFAULT 1,
    parked_at  timestamptz NOT NULL DEFAULT now(),
    retried_at timestamptz,
    PRIMARY KEY (follower, tx, position)
);
