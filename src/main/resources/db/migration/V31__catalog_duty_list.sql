-- Duty list (职责清单/派单目录) versions. Versions are never edited: a change is a new version,
-- imported as a draft and then activated; exactly one version is active.
CREATE TABLE catalog_duty_list_version (
    number        INTEGER      NOT NULL,
    status        VARCHAR(8)   NOT NULL,
    note          VARCHAR(500),
    created_by    VARCHAR(100) NOT NULL,
    created_by_id BIGINT,
    created_at    TIMESTAMPTZ  NOT NULL,
    activated_by  VARCHAR(100),
    activated_at  TIMESTAMPTZ,
    retired_at    TIMESTAMPTZ,
    entry_count   INTEGER      NOT NULL,
    CONSTRAINT catalog_duty_list_version_pk PRIMARY KEY (number),
    CONSTRAINT catalog_duty_list_version_number_ck CHECK (number > 0),
    CONSTRAINT catalog_duty_list_version_status_ck CHECK (status IN ('DRAFT', 'ACTIVE', 'RETIRED')),
    CONSTRAINT catalog_duty_list_version_activated_ck CHECK ((status = 'DRAFT') = (activated_at IS NULL)),
    CONSTRAINT catalog_duty_list_version_retired_ck CHECK ((status = 'RETIRED') = (retired_at IS NOT NULL))
);

CREATE UNIQUE INDEX catalog_duty_list_version_active_ux ON catalog_duty_list_version (status) WHERE status = 'ACTIVE';

-- Entries: who handles a category at a level. department_type NULL = the level's own office (the grid
-- worker, the community workstation, the street or district command centre). position keeps the file's
-- order so that an export reproduces the import.
CREATE TABLE catalog_duty_entry (
    version         INTEGER      NOT NULL,
    position        INTEGER      NOT NULL,
    category_code   VARCHAR(6)   NOT NULL,
    level           VARCHAR(10)  NOT NULL,
    department_type VARCHAR(32),
    assisting       VARCHAR(32)[] NOT NULL DEFAULT '{}',
    rule_id         VARCHAR(60)  NOT NULL,
    note            VARCHAR(500),
    CONSTRAINT catalog_duty_entry_pk PRIMARY KEY (version, category_code, level),
    CONSTRAINT catalog_duty_entry_version_fk FOREIGN KEY (version) REFERENCES catalog_duty_list_version (number) ON DELETE CASCADE,
    CONSTRAINT catalog_duty_entry_category_fk FOREIGN KEY (category_code) REFERENCES catalog_category (code),
    CONSTRAINT catalog_duty_entry_level_ck CHECK (level IN ('GRID', 'COMMUNITY', 'STREET', 'DISTRICT'))
);

-- a version's entries in file order (load, export); rule ids are unique within a version
CREATE UNIQUE INDEX catalog_duty_entry_position_ux ON catalog_duty_entry (version, position);
CREATE UNIQUE INDEX catalog_duty_entry_rule_ux ON catalog_duty_entry (version, upper(rule_id));
-- the category foreign key is checked on category changes
CREATE INDEX catalog_duty_entry_category_ix ON catalog_duty_entry (category_code);
