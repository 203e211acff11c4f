-- 志愿者 and 红色服务队: volunteers, activities with sign-up and sign-in, service hours and points (积分).
CREATE TABLE cogov_volunteer (
    id             bigserial PRIMARY KEY,
    user_id        bigint      NOT NULL UNIQUE,
    community_code text        NOT NULL,
    name           text        NOT NULL,
    phone          text,
    skills         text,
    red_team       boolean     NOT NULL DEFAULT false,
    points         integer     NOT NULL DEFAULT 0 CHECK (points >= 0),
    minutes_served integer     NOT NULL DEFAULT 0,
    joined_at      timestamptz NOT NULL
);
CREATE INDEX cogov_volunteer_community ON cogov_volunteer (community_code text_pattern_ops);

CREATE TABLE cogov_activity (
    id             bigserial PRIMARY KEY,
    community_code text        NOT NULL,
    title          text        NOT NULL,
    description    text        NOT NULL,
    place          text        NOT NULL,
    starts_at      timestamptz NOT NULL,
    ends_at        timestamptz NOT NULL,
    capacity       integer     NOT NULL CHECK (capacity > 0),
    points         integer     NOT NULL CHECK (points >= 0),
    red_team       boolean     NOT NULL DEFAULT false,
    signed_up      integer     NOT NULL DEFAULT 0,
    closed_at      timestamptz,
    created_at     timestamptz NOT NULL,
    CHECK (ends_at > starts_at)
);
CREATE INDEX cogov_activity_starts ON cogov_activity (starts_at);

CREATE TABLE cogov_signup (
    activity_id   bigint      NOT NULL REFERENCES cogov_activity (id),
    volunteer_id  bigint      NOT NULL REFERENCES cogov_volunteer (id),
    signed_up_at  timestamptz NOT NULL,
    signed_in_at  timestamptz,
    minutes       integer,
    PRIMARY KEY (activity_id, volunteer_id)
);

-- every change of a volunteer's points, with the balance after it
CREATE TABLE cogov_points (
    id            bigserial PRIMARY KEY,
    volunteer_id  bigint      NOT NULL REFERENCES cogov_volunteer (id),
    delta         integer     NOT NULL,
    balance       integer     NOT NULL CHECK (balance >= 0),
    reason        text        NOT NULL,
    activity_id   bigint,
    at            timestamptz NOT NULL
);
CREATE INDEX cogov_points_volunteer ON cogov_points (volunteer_id, id);
