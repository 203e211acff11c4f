-- 民情日志: what a grid worker found on patrol — logged only, reported as a work order, or closed on the spot
-- (即发即处). The phone's request id makes a finding sent twice one finding (and one order).
CREATE TABLE fieldwork_finding (
    id            BIGSERIAL        PRIMARY KEY,
    patrol_id     BIGINT           NOT NULL REFERENCES fieldwork_patrol (id),
    user_id       BIGINT           NOT NULL,
    district_code VARCHAR(6)       NOT NULL,
    request_id    VARCHAR(100)     NOT NULL,
    at            TIMESTAMPTZ      NOT NULL,
    text          VARCHAR(4000)    NOT NULL,
    lat           DOUBLE PRECISION,
    lon           DOUBLE PRECISION,
    photo_ids     TEXT[]           NOT NULL DEFAULT '{}',
    outcome       VARCHAR(20)      NOT NULL CHECK (outcome IN ('LOGGED', 'REPORTED', 'CLOSED_ON_SPOT')),
    order_id      BIGINT,
    order_number  VARCHAR(40),
    CONSTRAINT fieldwork_finding_request UNIQUE (user_id, request_id)
);
CREATE INDEX fieldwork_finding_patrol ON fieldwork_finding (patrol_id);
CREATE INDEX fieldwork_finding_user_at ON fieldwork_finding (user_id, at);
