-- What a client sent, hashed (every field but the api_key): a client that posts the same report again
-- without an Idempotency-Key (FixMyStreet retries an unanswered post five times, two seconds apart) gets the
-- first request back instead of a duplicate. Rows from before carry no hash and match nothing.
ALTER TABLE open311_submission ADD COLUMN request_hash BYTEA;
CREATE INDEX open311_submission_request_hash ON open311_submission (api_key_id, request_hash, created_at)
    WHERE request_hash IS NOT NULL;
