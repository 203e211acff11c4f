-- Classifier models (智能分拣模型), versioned: at most one is ACTIVE; a trained model waits as CANDIDATE until
-- it is activated (automatically when it does at least as well as the active one); an activated one that
-- was replaced is RETIRED and can be brought back.
CREATE SEQUENCE sorter_model_version_seq;

CREATE TABLE sorter_model (
    version         INTEGER          NOT NULL,
    status          VARCHAR(10)      NOT NULL,
    created_at      TIMESTAMPTZ      NOT NULL,
    activated_at    TIMESTAMPTZ,
    trigger         VARCHAR(10)      NOT NULL,
    created_by      BIGINT,
    training_size   INTEGER          NOT NULL,
    corrections     INTEGER          NOT NULL,
    label_count     INTEGER          NOT NULL,
    feature_count   INTEGER          NOT NULL,
    macro_f1        DOUBLE PRECISION,
    accuracy        DOUBLE PRECISION,
    per_class       JSONB            NOT NULL,
    temperature     DOUBLE PRECISION NOT NULL,
    training_millis BIGINT           NOT NULL,
    weights         BYTEA            NOT NULL,
    CONSTRAINT sorter_model_pk PRIMARY KEY (version),
    CONSTRAINT sorter_model_status_ck CHECK (status IN ('CANDIDATE', 'ACTIVE', 'RETIRED')),
    CONSTRAINT sorter_model_trigger_ck CHECK (trigger IN ('SCHEDULE', 'ADMIN'))
);
CREATE UNIQUE INDEX sorter_model_one_active ON sorter_model ((status)) WHERE status = 'ACTIVE';

-- Training examples: closed orders with the category they were finally handled under.
CREATE TABLE sorter_example (
    order_id      BIGINT      NOT NULL,
    district_code VARCHAR(6)  NOT NULL,
    text          TEXT        NOT NULL,
    category_code VARCHAR(6)  NOT NULL,
    closed_at     TIMESTAMPTZ NOT NULL,
    CONSTRAINT sorter_example_pk PRIMARY KEY (order_id)
);
CREATE INDEX sorter_example_recent ON sorter_example (closed_at DESC);

-- Dispatchers' corrections: the order was filed (立案) under another category than the top suggestion.
CREATE TABLE sorter_correction (
    order_id             BIGINT           NOT NULL,
    district_code        VARCHAR(6)       NOT NULL,
    text                 TEXT             NOT NULL,
    suggested_category   VARCHAR(6)       NOT NULL,
    suggested_confidence DOUBLE PRECISION NOT NULL,
    chosen_category      VARCHAR(6)       NOT NULL,
    actor_user_id        BIGINT           NOT NULL,
    corrected_at         TIMESTAMPTZ      NOT NULL,
    CONSTRAINT sorter_correction_pk PRIMARY KEY (order_id)
);
CREATE INDEX sorter_correction_recent ON sorter_correction (corrected_at DESC);

-- What the sorter remembers of each reported order for duplicates and hot spots, kept current from the
-- order's events: where, when, which category (the filed one, else the top suggestion), whether open.
CREATE TABLE sorter_intake (
    order_id      BIGINT           NOT NULL,
    number        VARCHAR(20)      NOT NULL,
    district_code VARCHAR(6)       NOT NULL,
    street_code   VARCHAR(9)       NOT NULL,
    grid_code     VARCHAR(15)      NOT NULL,
    lat           DOUBLE PRECISION NOT NULL,
    lon           DOUBLE PRECISION NOT NULL,
    category_code VARCHAR(6),
    suggested     BOOLEAN          NOT NULL,
    text          VARCHAR(1000)    NOT NULL,
    reported_at   TIMESTAMPTZ      NOT NULL,
    status        VARCHAR(12)      NOT NULL,
    open          BOOLEAN          NOT NULL,
    CONSTRAINT sorter_intake_pk PRIMARY KEY (order_id)
);
-- duplicates: open orders near a point (a narrow latitude band first), recent
CREATE INDEX sorter_intake_near ON sorter_intake (lat, lon, reported_at) WHERE open;
-- hot spots: one category in one grid within a window
CREATE INDEX sorter_intake_grid ON sorter_intake (grid_code, category_code, reported_at);

-- Likely duplicates: the newer order and an older open one nearby with similar text.
CREATE TABLE sorter_duplicate (
    id              BIGINT GENERATED ALWAYS AS IDENTITY,
    district_code   VARCHAR(6)       NOT NULL,
    order_id        BIGINT           NOT NULL,
    candidate_id    BIGINT           NOT NULL,
    score           DOUBLE PRECISION NOT NULL,
    text_similarity DOUBLE PRECISION NOT NULL,
    distance_m      DOUBLE PRECISION NOT NULL,
    same_category   BOOLEAN          NOT NULL,
    status          VARCHAR(12)      NOT NULL,
    found_at        TIMESTAMPTZ      NOT NULL,
    decided_at      TIMESTAMPTZ,
    decided_by      BIGINT,
    note            VARCHAR(500),
    CONSTRAINT sorter_duplicate_pk PRIMARY KEY (id),
    CONSTRAINT sorter_duplicate_pair_uk UNIQUE (order_id, candidate_id),
    CONSTRAINT sorter_duplicate_status_ck CHECK (status IN ('OPEN', 'MERGED', 'KEPT_APART', 'OBSOLETE')),
    CONSTRAINT sorter_duplicate_self_ck CHECK (order_id <> candidate_id)
);
CREATE INDEX sorter_duplicate_candidate ON sorter_duplicate (candidate_id);

-- Hot spots (热点): at least N reports of one category in one grid within a window. One OPEN cluster per
-- grid and category at a time; its street's dispatchers are told once, when it is found.
CREATE TABLE sorter_hotspot (
    id            BIGINT GENERATED ALWAYS AS IDENTITY,
    district_code VARCHAR(6)  NOT NULL,
    street_code   VARCHAR(9)  NOT NULL,
    grid_code     VARCHAR(15) NOT NULL,
    category_code VARCHAR(6)  NOT NULL,
    status        VARCHAR(8)  NOT NULL,
    first_at      TIMESTAMPTZ NOT NULL,
    last_at       TIMESTAMPTZ NOT NULL,
    order_count   INTEGER     NOT NULL,
    detected_at   TIMESTAMPTZ NOT NULL,
    CONSTRAINT sorter_hotspot_pk PRIMARY KEY (id),
    CONSTRAINT sorter_hotspot_status_ck CHECK (status IN ('OPEN', 'ENDED'))
);
CREATE UNIQUE INDEX sorter_hotspot_one_open ON sorter_hotspot (grid_code, category_code) WHERE status = 'OPEN';
CREATE INDEX sorter_hotspot_recent ON sorter_hotspot (grid_code, detected_at DESC);

CREATE TABLE sorter_hotspot_order (
    hotspot_id BIGINT NOT NULL,
    order_id   BIGINT NOT NULL,
    CONSTRAINT sorter_hotspot_order_pk PRIMARY KEY (hotspot_id, order_id),
    CONSTRAINT sorter_hotspot_order_fk FOREIGN KEY (hotspot_id) REFERENCES sorter_hotspot (id)
);
