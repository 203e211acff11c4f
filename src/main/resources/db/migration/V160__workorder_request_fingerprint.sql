-- What a reporter sent with an Idempotency-Key: a replay with the same key and another body is refused
-- (422, as the IETF Idempotency-Key draft says) instead of silently answering with the first order.
-- Orders reported before this table existed have no row and replay as before.
CREATE TABLE workorder_request_fingerprint (
    order_id    BIGINT PRIMARY KEY,
    fingerprint BYTEA  NOT NULL
);
