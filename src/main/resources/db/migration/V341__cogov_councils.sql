-- 议事会 / 零距离家园理事会: councils per community, their members, topics, comments, votes, resolutions and minutes.
CREATE TABLE cogov_council (
    id             bigserial PRIMARY KEY,
    district_code  text        NOT NULL,
    street_code    text        NOT NULL,
    community_code text        NOT NULL,
    name           text        NOT NULL,
    created_at     timestamptz NOT NULL,
    UNIQUE (community_code, name)
);

CREATE TABLE cogov_council_member (
    council_id   bigint NOT NULL REFERENCES cogov_council (id),
    user_id      bigint NOT NULL,
    display_name text   NOT NULL,
    title        text   NOT NULL,
    PRIMARY KEY (council_id, user_id)
);
CREATE INDEX cogov_council_member_user ON cogov_council_member (user_id);

CREATE TABLE cogov_topic (
    id             bigserial PRIMARY KEY,
    council_id     bigint      NOT NULL REFERENCES cogov_council (id),
    request_id     text        UNIQUE,
    title          text        NOT NULL,
    body           text        NOT NULL,
    proposed_by    bigint      NOT NULL,
    proposer_name  text        NOT NULL,
    by_member      boolean     NOT NULL,
    status         text        NOT NULL,
    votes_for      integer,
    votes_against  integer,
    votes_abstain  integer,
    minutes        text,
    created_at     timestamptz NOT NULL,
    updated_at     timestamptz NOT NULL
);
CREATE INDEX cogov_topic_council ON cogov_topic (council_id, status, created_at DESC);

CREATE TABLE cogov_topic_comment (
    id        bigserial PRIMARY KEY,
    topic_id  bigint      NOT NULL REFERENCES cogov_topic (id),
    user_id   bigint      NOT NULL,
    name      text        NOT NULL,
    body      text        NOT NULL,
    at        timestamptz NOT NULL
);
CREATE INDEX cogov_topic_comment_topic ON cogov_topic_comment (topic_id, id);

-- one vote per member and topic: the primary key decides between two concurrent votes
CREATE TABLE cogov_topic_vote (
    topic_id  bigint      NOT NULL REFERENCES cogov_topic (id),
    user_id   bigint      NOT NULL,
    choice    text        NOT NULL CHECK (choice IN ('FOR', 'AGAINST', 'ABSTAIN')),
    at        timestamptz NOT NULL,
    PRIMARY KEY (topic_id, user_id)
);

CREATE TABLE cogov_resolution (
    id            bigserial PRIMARY KEY,
    topic_id      bigint      NOT NULL REFERENCES cogov_topic (id),
    text          text        NOT NULL,
    owner         text        NOT NULL,
    due_on        date        NOT NULL,
    order_id      bigint      UNIQUE,
    order_number  text,
    done_at       timestamptz,
    created_at    timestamptz NOT NULL
);
CREATE INDEX cogov_resolution_topic ON cogov_resolution (topic_id);
