-- 一链治理 as a transparency log (RFC 9162): the Merkle tree over ledger_entry and its signed checkpoints.

-- Every complete subtree of the Merkle tree, appended by the sealer in the transaction that chains its
-- entries: level 0 holds the leaf hashes SHA-256(0x00 || record) of entries seq = idx + 1, level k the hash of
-- leaves [idx·2^k, (idx+1)·2^k). A proof over n entries reads about 2·log2(n) of these rows.
CREATE TABLE ledger_tree (
    level smallint NOT NULL,
    idx   bigint   NOT NULL,
    hash  bytea    NOT NULL,
    PRIMARY KEY (level, idx)
);

-- GET /api/ledger/proofs/inclusion?leaf=…
CREATE INDEX ledger_tree_leaf ON ledger_tree (hash) WHERE level = 0;

-- Signed tree heads: {origin, size, root, time}, Ed25519 over the checkpoint text (see org.yiwang.ledger.Checkpoint).
CREATE TABLE ledger_checkpoint (
    tree_size bigint      PRIMARY KEY,
    origin    text        NOT NULL,
    root_hash bytea       NOT NULL,
    signed_at timestamptz NOT NULL,
    key_id    text        NOT NULL,
    signature bytea       NOT NULL
);

CREATE FUNCTION ledger_append_only() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'restrict_violation',
              HINT = 'The ledger is a transparency log; nothing in it is changed or removed.';
END;
$$;

CREATE TRIGGER ledger_tree_no_update_or_delete
    BEFORE UPDATE OR DELETE ON ledger_tree
    FOR EACH ROW EXECUTE FUNCTION ledger_append_only();
CREATE TRIGGER ledger_tree_no_truncate
    BEFORE TRUNCATE ON ledger_tree
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_append_only();
CREATE TRIGGER ledger_checkpoint_no_update_or_delete
    BEFORE UPDATE OR DELETE ON ledger_checkpoint
    FOR EACH ROW EXECUTE FUNCTION ledger_append_only();
CREATE TRIGGER ledger_checkpoint_no_truncate
    BEFORE TRUNCATE ON ledger_checkpoint
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_append_only();
