-- 党建联盟: a street's member units and their 为民服务实事项目 with progress, shown publicly to residents.
CREATE TABLE cogov_alliance_unit (
    id            bigserial PRIMARY KEY,
    district_code text        NOT NULL,
    street_code   text        NOT NULL,
    name          text        NOT NULL,
    kind          text        NOT NULL,
    joined_at     timestamptz NOT NULL,
    UNIQUE (street_code, name)
);

CREATE TABLE cogov_project (
    id             bigserial PRIMARY KEY,
    unit_id        bigint      NOT NULL REFERENCES cogov_alliance_unit (id),
    street_code    text        NOT NULL,
    community_code text,
    title          text        NOT NULL,
    description    text        NOT NULL,
    due_on         date        NOT NULL,
    progress       integer     NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
    created_at     timestamptz NOT NULL,
    updated_at     timestamptz NOT NULL
);
CREATE INDEX cogov_project_street ON cogov_project (street_code text_pattern_ops, due_on);

CREATE TABLE cogov_project_update (
    id          bigserial PRIMARY KEY,
    project_id  bigint      NOT NULL REFERENCES cogov_project (id),
    progress    integer     NOT NULL,
    note        text        NOT NULL,
    by_name     text        NOT NULL,
    at          timestamptz NOT NULL
);
CREATE INDEX cogov_project_update_project ON cogov_project_update (project_id, id);
