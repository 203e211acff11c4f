-- Outbound messages (SMS, e-mail), written in the same transaction as the inbox rows and delivered
-- by a scheduled worker: a crash between commit and send loses nothing. Each round claims due rows
-- (FOR UPDATE SKIP LOCKED) by moving next_attempt_at past a lease, so two nodes never send one row
-- at once and a worker that dies mid-send is retried when the lease ends.
CREATE TABLE notify_outbox (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id         bigint      NOT NULL,
    channel         text        NOT NULL CHECK (channel IN ('SMS', 'EMAIL')),
    template_key    text        NOT NULL,
    args            jsonb       NOT NULL DEFAULT '[]'::jsonb,
    link            text,
    dedup_key       text,
    status          text        NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'SENT', 'FAILED', 'SKIPPED')),
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    last_error      text,
    created_at      timestamptz NOT NULL,
    sent_at         timestamptz,
    CONSTRAINT notify_outbox_once UNIQUE (user_id, channel, dedup_key)
);

-- the worker's round
CREATE INDEX notify_outbox_due ON notify_outbox (next_attempt_at, id) WHERE status = 'PENDING';
-- GET /api/notifications/outbox?status=FAILED
CREATE INDEX notify_outbox_by_status ON notify_outbox (status, id DESC);
