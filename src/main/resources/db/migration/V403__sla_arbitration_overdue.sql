-- 仲裁超期: a 派单争议 the command centre has not ruled on by its arbitration limit is escalated once — to the district
-- command centre and the district leader, with a 督办 by the platform. One row per dispute (the order and when the
-- dispute was opened) claims it, so that every node together takes it once.
CREATE TABLE sla_arbitration_escalation (
    order_id       BIGINT      NOT NULL,
    opened_at      TIMESTAMPTZ NOT NULL,
    escalated_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (order_id, opened_at)
);
