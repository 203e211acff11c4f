-- The demo history is generated once per database: the node that inserts this row makes it, the others skip.
CREATE TABLE demo_history (
    id          SMALLINT    PRIMARY KEY CHECK (id = 1),
    started_at  TIMESTAMPTZ NOT NULL,
    finished_at TIMESTAMPTZ,
    orders      INT,
    steps       INT,
    whistles    INT,
    addresses   INT,
    failures    INT
);
