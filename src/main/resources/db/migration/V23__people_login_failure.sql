-- Consecutive failed sign-ins per username, shared by all nodes; a row disappears on success.
CREATE TABLE people_login_failure (
    username        VARCHAR(64) PRIMARY KEY,
    failures        INT         NOT NULL,
    last_failure_at TIMESTAMPTZ NOT NULL,
    locked_until    TIMESTAMPTZ
);
CREATE INDEX people_login_failure_last_ix ON people_login_failure (last_failure_at);
