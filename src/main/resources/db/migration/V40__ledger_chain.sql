-- 一链治理: records waiting to be chained, and the hash chain itself.

-- Written by Ledger.append inside the caller's transaction: one cheap insert, no lock, no hashing.
-- The sealer moves committed rows into ledger_entry in batches and deletes them here.
CREATE TABLE ledger_pending (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    stream        text        NOT NULL,
    subject_id    text        NOT NULL,
    district_code text        NOT NULL,
    kind          text        NOT NULL,
    at            timestamptz NOT NULL,
    actor_user_id bigint      NOT NULL,
    canonical     text        NOT NULL
);

-- The chain: hash = SHA-256(prev_hash || record), record = the canonical JSON of
-- {actor, at, canonical, district, kind, seq, stream, subject} (see org.yiwang.ledger.Ledger).
CREATE TABLE ledger_entry (
    seq           bigint      PRIMARY KEY,
    stream        text        NOT NULL,
    subject_id    text        NOT NULL,
    district_code text        NOT NULL,
    kind          text        NOT NULL,
    at            timestamptz NOT NULL,
    actor_user_id bigint      NOT NULL,
    canonical     text        NOT NULL,
    prev_hash     bytea       NOT NULL,
    hash          bytea       NOT NULL
);

-- GET /api/ledger/{stream}/{subjectId}
CREATE INDEX ledger_entry_subject ON ledger_entry (stream, subject_id, seq);

-- Nothing in the ledger is ever updated or deleted.
CREATE FUNCTION ledger_entry_append_only() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'ledger_entry is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'restrict_violation',
              HINT = 'The ledger is a hash chain; corrections are new entries.';
END;
$$;

CREATE TRIGGER ledger_entry_no_update_or_delete
    BEFORE UPDATE OR DELETE ON ledger_entry
    FOR EACH ROW EXECUTE FUNCTION ledger_entry_append_only();

CREATE TRIGGER ledger_entry_no_truncate
    BEFORE TRUNCATE ON ledger_entry
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_entry_append_only();
