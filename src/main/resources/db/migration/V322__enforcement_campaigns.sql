-- 专项行动: a campaign registers people or sites, colours each record by its rules (first rule that holds,
-- in position order; none: green) and spawns visits or checks with a time limit per colour.
CREATE TABLE enforcement_campaign (
    code        text PRIMARY KEY,
    name_zh     text    NOT NULL,
    name_en     text    NOT NULL,
    kind        text    NOT NULL CHECK (kind IN ('PEOPLE', 'SITES')),
    description text    NOT NULL,
    starts_on   date    NOT NULL,
    ends_on     date    NOT NULL,
    active      boolean NOT NULL DEFAULT true
);

CREATE TABLE enforcement_campaign_rule (
    campaign_code text    NOT NULL REFERENCES enforcement_campaign (code),
    position      integer NOT NULL,
    colour        text    NOT NULL CHECK (colour IN ('RED', 'YELLOW')),
    field         text    NOT NULL CHECK (field IN ('ORIGIN', 'ROUTE', 'SYMPTOM', 'HAZARD')),
    terms         text[]  NOT NULL,
    within_days   integer,
    label         text    NOT NULL,
    PRIMARY KEY (campaign_code, position)
);

CREATE TABLE enforcement_campaign_spawn (
    campaign_code text    NOT NULL REFERENCES enforcement_campaign (code),
    colour        text    NOT NULL CHECK (colour IN ('RED', 'YELLOW', 'GREEN')),
    kind          text    NOT NULL CHECK (kind IN ('VISIT', 'CHECK')),
    within_hours  integer NOT NULL CHECK (within_hours > 0),
    PRIMARY KEY (campaign_code, colour, kind)
);

CREATE TABLE enforcement_campaign_record (
    id              bigserial PRIMARY KEY,
    campaign_code   text        NOT NULL REFERENCES enforcement_campaign (code),
    district_code   text        NOT NULL,
    street_code     text        NOT NULL,
    community_code  text        NOT NULL,
    grid_code       text        NOT NULL,
    subject         text        NOT NULL,
    phone           text,
    address         text        NOT NULL,
    origin          text,
    route           text,
    arrived_on      date,
    symptom         text,
    hazard          text,
    colour          text        NOT NULL,
    reason          text,
    registered_by   bigint      NOT NULL,
    registered_name text        NOT NULL,
    registered_at   timestamptz NOT NULL,
    request_key     text,
    UNIQUE (campaign_code, request_key)
);
CREATE INDEX enforcement_campaign_record_scope ON enforcement_campaign_record (campaign_code, grid_code);

CREATE TABLE enforcement_campaign_task (
    id            bigserial PRIMARY KEY,
    record_id     bigint      NOT NULL REFERENCES enforcement_campaign_record (id),
    campaign_code text        NOT NULL,
    grid_code     text        NOT NULL,
    kind          text        NOT NULL,
    due_at        timestamptz NOT NULL,
    done_at       timestamptz,
    done_by_name  text,
    note          text
);
CREATE INDEX enforcement_campaign_task_open ON enforcement_campaign_task (campaign_code, grid_code) WHERE done_at IS NULL;

INSERT INTO enforcement_campaign (code, name_zh, name_en, kind, description, starts_on, ends_on) VALUES
('EPIDEMIC_RETURN', '返宁人员排查登记', 'Epidemic return registration', 'PEOPLE',
 '对外地返回人员登记来源地、途经地和抵达日期（风险地区名单由管理员维护）：14 天内来自高风险地区或有发热、咳嗽症状的为红码，2 小时内上门走访；来自中风险地区或途经高风险地区的为黄码，24 小时内上门走访；其余为绿码。',
 DATE '2026-11-01', DATE '2027-03-31'),
('FLOOD_SEASON', '防汛排查专项行动', 'Flood-season inspection', 'SITES',
 '汛期排查危房、地下空间、低洼易涝点和在建工地：危房、地下空间和低洼易涝点为红色，4 小时内现场检查；在建工地基坑、河道沿线和老旧小区为黄色，48 小时内检查；其余为绿色。',
 DATE '2026-05-01', DATE '2027-09-30');

INSERT INTO enforcement_campaign_rule (campaign_code, position, colour, field, terms, within_days, label) VALUES
('EPIDEMIC_RETURN', 1, 'RED', 'SYMPTOM', ARRAY['发热', '咳嗽', '乏力', '咽痛'], NULL, '有发热、咳嗽等症状'),
('EPIDEMIC_RETURN', 2, 'RED', 'ORIGIN', ARRAY['石家庄市藁城区', '广州市荔湾区', '上海市浦东新区'], 14, '14 天内来自高风险地区'),
('EPIDEMIC_RETURN', 3, 'YELLOW', 'ORIGIN', ARRAY['武汉市', '成都市郫都区', '西安市雁塔区'], 14, '14 天内来自中风险地区'),
('EPIDEMIC_RETURN', 4, 'YELLOW', 'ROUTE', ARRAY['石家庄市藁城区', '广州市荔湾区', '上海市浦东新区'], 14, '14 天内途经高风险地区'),
('FLOOD_SEASON', 1, 'RED', 'HAZARD', ARRAY['危房', '地下空间', '地下车库', '低洼'], NULL, '危房、地下空间或低洼易涝点'),
('FLOOD_SEASON', 2, 'YELLOW', 'HAZARD', ARRAY['工地', '基坑', '河道', '老旧小区'], NULL, '在建工地基坑、河道沿线或老旧小区');

INSERT INTO enforcement_campaign_spawn (campaign_code, colour, kind, within_hours) VALUES
('EPIDEMIC_RETURN', 'RED', 'VISIT', 2),
('EPIDEMIC_RETURN', 'YELLOW', 'VISIT', 24),
('FLOOD_SEASON', 'RED', 'CHECK', 4),
('FLOOD_SEASON', 'YELLOW', 'CHECK', 48);
