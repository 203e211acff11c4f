-- Revision of everything the catalog module keeps in memory. Every change bumps it in its own
-- transaction; each node reloads its copy when it sees a newer revision.
CREATE TABLE catalog_revision (
    id       SMALLINT NOT NULL DEFAULT 1,
    revision BIGINT   NOT NULL,
    CONSTRAINT catalog_revision_pk PRIMARY KEY (id),
    CONSTRAINT catalog_revision_single_ck CHECK (id = 1)
);
INSERT INTO catalog_revision (id, revision) VALUES (1, 0);

-- Shipped data applied once, so that what an administrator deletes stays deleted on the next start.
CREATE TABLE catalog_seed (
    name       VARCHAR(60) NOT NULL,
    applied_at TIMESTAMPTZ NOT NULL,
    CONSTRAINT catalog_seed_pk PRIMARY KEY (name)
);

-- Major classes (大类): kind letter + the first two digits of their items' codes (C01, M09, L01).
CREATE TABLE catalog_major_class (
    code    VARCHAR(3)   NOT NULL,
    kind    VARCHAR(10)  NOT NULL,
    name    VARCHAR(50)  NOT NULL,
    name_en VARCHAR(100) NOT NULL,
    CONSTRAINT catalog_major_class_pk PRIMARY KEY (code),
    CONSTRAINT catalog_major_class_kind_ck CHECK (kind IN ('COMPONENT', 'MATTER', 'LOCAL')),
    CONSTRAINT catalog_major_class_code_ck CHECK (code ~ '^[CML][0-9]{2}$' AND left(code, 1) = left(kind, 1))
);

-- Categories: components (部件, C#####) and matters (事项, M#####) of GB/T 47678.5, whose five-digit
-- codes overlap between the two kinds, and local extensions (L#####). Read into memory whole; no
-- query runs against this table per request.
CREATE TABLE catalog_category (
    code             VARCHAR(6)   NOT NULL,
    kind             VARCHAR(10)  NOT NULL,
    major_class      VARCHAR(3)   NOT NULL,
    name             VARCHAR(100) NOT NULL,
    name_en          VARCHAR(200),
    keywords         TEXT[]       NOT NULL DEFAULT '{}',
    owner_department VARCHAR(32),
    small_matter     BOOLEAN      NOT NULL DEFAULT FALSE,
    enabled          BOOLEAN      NOT NULL DEFAULT TRUE,
    updated_at       TIMESTAMPTZ  NOT NULL,
    CONSTRAINT catalog_category_pk PRIMARY KEY (code),
    CONSTRAINT catalog_category_class_fk FOREIGN KEY (major_class) REFERENCES catalog_major_class (code),
    CONSTRAINT catalog_category_kind_ck CHECK (kind IN ('COMPONENT', 'MATTER', 'LOCAL')),
    CONSTRAINT catalog_category_code_ck CHECK (code ~ '^[CML][0-9]{5}$' AND left(code, 3) = major_class
        AND left(code, 1) = left(kind, 1))
);

-- names are unique within a kind (the standard's are; local ones must not repeat each other)
CREATE UNIQUE INDEX catalog_category_name_ux ON catalog_category (kind, name);
