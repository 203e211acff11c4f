-- The in-app inbox: one row per notice and recipient, rendered in the reader's language when read.
CREATE TABLE notify_inbox (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id      bigint      NOT NULL,
    template_key text        NOT NULL,
    args         jsonb       NOT NULL DEFAULT '[]'::jsonb,
    link         text,
    created_at   timestamptz NOT NULL,
    read_at      timestamptz,
    -- the source event's identity: a redelivered event finds its notice already there (NULLs never clash)
    dedup_key    text,
    CONSTRAINT notify_inbox_once UNIQUE (user_id, dedup_key)
);

-- GET /api/notifications: mine, unread first, newest first
CREATE INDEX notify_inbox_mine ON notify_inbox (user_id, (read_at IS NULL) DESC, created_at DESC, id DESC);
-- ?unread=true and the unread count
CREATE INDEX notify_inbox_unread ON notify_inbox (user_id, created_at DESC, id DESC) WHERE read_at IS NULL;
