-- The public read model of GeoReport v2: one row per work order, kept up to date from the orders'
-- transition events. Open311 reads (lists by date, status, service, bounding box, update time) never
-- touch the work-order tables, so they can be served from a read replica.
CREATE TABLE open311_request (
    order_id           BIGINT           PRIMARY KEY,
    number             VARCHAR(20)      NOT NULL UNIQUE,
    order_version      INT              NOT NULL,
    district_code      VARCHAR(6)       NOT NULL,
    grid_code          VARCHAR(15),
    service_code       VARCHAR(10),
    status             VARCHAR(12)      NOT NULL,
    suspended          BOOLEAN          NOT NULL DEFAULT FALSE,
    master_order_id    BIGINT,
    agency_org_unit_id BIGINT,
    agency             VARCHAR(200),
    description        TEXT             NOT NULL,
    address            VARCHAR(300),
    lat                DOUBLE PRECISION NOT NULL,
    lon                DOUBLE PRECISION NOT NULL,
    source             VARCHAR(20)      NOT NULL,
    listed             BOOLEAN          NOT NULL,
    requested_at       TIMESTAMPTZ      NOT NULL,
    updated_at         TIMESTAMPTZ      NOT NULL,
    expected_at        TIMESTAMPTZ
);
-- GET requests: the newest first within the date window, all districts or one (jurisdiction_id)
CREATE INDEX open311_request_requested ON open311_request (requested_at DESC) WHERE listed;
CREATE INDEX open311_request_district ON open311_request (district_code, requested_at DESC) WHERE listed;
-- extensions: updated_after and bbox
CREATE INDEX open311_request_updated ON open311_request (updated_at) WHERE listed;
CREATE INDEX open311_request_point ON open311_request USING gist (point(lon, lat)) WHERE listed;

-- What an Open311 client sent with a request beyond the work order itself (by intake record; the
-- order id once the order exists). Contact details are kept for the city, never published.
CREATE TABLE open311_submission (
    record_id    BIGINT        PRIMARY KEY,
    order_id     BIGINT        UNIQUE,
    api_key_id   BIGINT        NOT NULL REFERENCES open311_api_key (id),
    service_code VARCHAR(10)   NOT NULL,
    attributes   JSONB         NOT NULL DEFAULT '{}',
    media_url    VARCHAR(2000),
    address_id   VARCHAR(64),
    email        VARCHAR(254),
    device_id    VARCHAR(100),
    account_id   VARCHAR(100),
    created_at   TIMESTAMPTZ   NOT NULL
);

-- Tokens for requests that could not be created at once (the address needs a dispatcher to locate it).
CREATE TABLE open311_token (
    token      VARCHAR(40) PRIMARY KEY,
    record_id  BIGINT      NOT NULL UNIQUE,
    api_key_id BIGINT      NOT NULL REFERENCES open311_api_key (id),
    created_at TIMESTAMPTZ NOT NULL
);
