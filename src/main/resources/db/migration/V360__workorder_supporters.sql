-- 附议 (me too): residents who add their voice to an open report instead of filing a duplicate. One row per
-- resident per order; the count of residents affected is 1 (the reporter) + the rows of the order.
CREATE TABLE workorder_supporter (
    order_id      BIGINT      NOT NULL REFERENCES workorder_order (id),
    user_id       BIGINT      NOT NULL,
    district_code VARCHAR(6)  NOT NULL,
    supported_at  TIMESTAMPTZ NOT NULL,
    CONSTRAINT workorder_supporter_pk PRIMARY KEY (order_id, user_id)
);
-- "what did I support" and the follow-up notices to supporters
CREATE INDEX workorder_supporter_user ON workorder_supporter (user_id, supported_at DESC);

-- the report form's "already reported nearby": open orders by point (box containment on a GiST index)
CREATE INDEX workorder_order_open_point ON workorder_order USING gist (point(lon, lat))
    WHERE status NOT IN ('CLOSED', 'EVALUATED', 'VOIDED');
