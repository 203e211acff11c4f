-- 积分兑换: goods and services a community's staff offer for points, with a stock that never goes below zero, and
-- each redemption, handed over (or not yet) by the staff.
CREATE TABLE cogov_shop_item (
    id             bigserial PRIMARY KEY,
    community_code text        NOT NULL,
    name           text        NOT NULL,
    kind           text        NOT NULL CHECK (kind IN ('GOODS', 'SERVICE')),
    price          integer     NOT NULL CHECK (price > 0),
    stock          integer     NOT NULL CHECK (stock >= 0),
    active         boolean     NOT NULL DEFAULT true,
    created_at     timestamptz NOT NULL
);
CREATE INDEX cogov_shop_item_community ON cogov_shop_item (community_code) WHERE active;

CREATE TABLE cogov_redemption (
    id             bigserial PRIMARY KEY,
    item_id        bigint      NOT NULL REFERENCES cogov_shop_item (id),
    volunteer_id   bigint      NOT NULL REFERENCES cogov_volunteer (id),
    community_code text        NOT NULL,
    item_name      text        NOT NULL,
    points         integer     NOT NULL,
    redeemed_at    timestamptz NOT NULL,
    request_key    text        NOT NULL,
    handed_at      timestamptz,
    handed_by_name text,
    UNIQUE (volunteer_id, request_key)
);
CREATE INDEX cogov_redemption_pending ON cogov_redemption (community_code, redeemed_at) WHERE handed_at IS NULL;
CREATE INDEX cogov_redemption_volunteer ON cogov_redemption (volunteer_id, id);
