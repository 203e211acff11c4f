-- Settings administrators change on the sorter's screen (one row at most): the confidence at or above which a
-- report without a category is filed under the sorter's top suggestion. No row (or NULL): the configured
-- yiwang.workorder.auto-category-confidence applies.
CREATE TABLE sorter_settings (
    id              BOOLEAN          NOT NULL DEFAULT TRUE,
    auto_confidence DOUBLE PRECISION,
    changed_at      TIMESTAMPTZ      NOT NULL,
    changed_by      BIGINT,
    CONSTRAINT sorter_settings_pk PRIMARY KEY (id),
    CONSTRAINT sorter_settings_one_row_ck CHECK (id),
    CONSTRAINT sorter_settings_auto_confidence_ck CHECK (auto_confidence > 0 AND auto_confidence <= 1)
);
