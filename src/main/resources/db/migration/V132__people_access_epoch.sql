-- 访问变更纪元: a counter every node polls. A revoked API token, a disabled account or a change of roles
-- or org unit bumps it in the same transaction; each node forgets the tokens it remembered as verified
-- when it sees the counter move (within a second), not only the node where the change was made.
CREATE TABLE people_access_epoch (
    id    INT    NOT NULL,
    value BIGINT NOT NULL,
    CONSTRAINT people_access_epoch_pk PRIMARY KEY (id),
    CONSTRAINT people_access_epoch_one_row CHECK (id = 1)
);
INSERT INTO people_access_epoch (id, value) VALUES (1, 0);
