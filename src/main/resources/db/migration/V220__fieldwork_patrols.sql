-- Patrols (巡查) and their GPS tracks. A point is identified by its patrol and the phone's sequence number,
-- so a batch sent again after a lost answer stores nothing twice. The district code is on both tables: it
-- is the distribution key should the points move to distributed PostgreSQL (Citus).
CREATE TABLE fieldwork_patrol (
    id            BIGSERIAL   PRIMARY KEY,
    user_id       BIGINT      NOT NULL,
    district_code VARCHAR(6)  NOT NULL,
    started_at    TIMESTAMPTZ NOT NULL,
    ended_at      TIMESTAMPTZ,
    CONSTRAINT fieldwork_patrol_ends_after_start CHECK (ended_at IS NULL OR ended_at >= started_at)
);
-- at most one running patrol per worker
CREATE UNIQUE INDEX fieldwork_patrol_running ON fieldwork_patrol (user_id) WHERE ended_at IS NULL;
CREATE INDEX fieldwork_patrol_user_started ON fieldwork_patrol (user_id, started_at);

CREATE TABLE fieldwork_patrol_point (
    patrol_id     BIGINT           NOT NULL REFERENCES fieldwork_patrol (id),
    seq           INTEGER          NOT NULL,
    at            TIMESTAMPTZ      NOT NULL,
    lat           DOUBLE PRECISION NOT NULL,
    lon           DOUBLE PRECISION NOT NULL,
    accuracy      REAL,
    district_code VARCHAR(6)       NOT NULL,
    PRIMARY KEY (patrol_id, seq)
);
CREATE INDEX fieldwork_patrol_point_time ON fieldwork_patrol_point (patrol_id, at);
