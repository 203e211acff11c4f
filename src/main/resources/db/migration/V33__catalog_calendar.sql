-- The working calendar (工作日历): working hours and weekend, one row.
CREATE TABLE catalog_calendar (
    id            SMALLINT     NOT NULL DEFAULT 1,
    working_hours VARCHAR(100) NOT NULL,
    weekend       VARCHAR(100) NOT NULL,
    updated_by    VARCHAR(100) NOT NULL,
    updated_at    TIMESTAMPTZ  NOT NULL,
    CONSTRAINT catalog_calendar_pk PRIMARY KEY (id),
    CONSTRAINT catalog_calendar_single_ck CHECK (id = 1)
);
INSERT INTO catalog_calendar (id, working_hours, weekend, updated_by, updated_at)
VALUES (1, '08:30-12:00,13:30-17:30', 'SATURDAY,SUNDAY', 'system', now());

-- Years with holiday data; provisional = the State Council's schedule (调休安排) is not in yet.
CREATE TABLE catalog_calendar_year (
    year        SMALLINT     NOT NULL,
    provisional BOOLEAN      NOT NULL,
    source      VARCHAR(300),
    updated_by  VARCHAR(100) NOT NULL,
    updated_at  TIMESTAMPTZ  NOT NULL,
    CONSTRAINT catalog_calendar_year_pk PRIMARY KEY (year),
    CONSTRAINT catalog_calendar_year_range_ck CHECK (year BETWEEN 2000 AND 2100)
);

-- Dates that differ from the weekly pattern: holidays (法定节假日/调休放假) and make-up working days (调休上班).
CREATE TABLE catalog_calendar_day (
    day        DATE         NOT NULL,
    kind       VARCHAR(16)  NOT NULL,
    name       VARCHAR(50),
    updated_by VARCHAR(100) NOT NULL,
    updated_at TIMESTAMPTZ  NOT NULL,
    CONSTRAINT catalog_calendar_day_pk PRIMARY KEY (day),
    CONSTRAINT catalog_calendar_day_kind_ck CHECK (kind IN ('HOLIDAY', 'MAKEUP_WORKDAY')),
    CONSTRAINT catalog_calendar_day_range_ck CHECK (day BETWEEN DATE '2000-01-01' AND DATE '2100-12-31')
);
