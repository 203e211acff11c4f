-- A closed month's assessment tables are kept in memory on each node (ClosedMonths); the work-order journal can still
-- change a past month's sums (an order reported then is closed or rated now), so the follower counts every change to a
-- district's month here and a kept table whose count moved is computed anew.
CREATE TABLE assessment_month_revision (
    district_code  VARCHAR(6)  NOT NULL,
    month          DATE        NOT NULL,
    revision       BIGINT      NOT NULL,
    PRIMARY KEY (district_code, month)
);
