-- 三项清单: per role, the duty lists 巡查走访 (patrol and visits), 处置服务 (handling and services) and 监督指导
-- (supervision and guidance) as items a worker ticks on a patrol. Items are data; the seed is a default list.
CREATE TABLE fieldwork_duty_item (
    id        BIGSERIAL    PRIMARY KEY,
    role      VARCHAR(20)  NOT NULL,
    list      VARCHAR(20)  NOT NULL CHECK (list IN ('PATROL_VISIT', 'HANDLING_SERVICE', 'SUPERVISION')),
    position  INTEGER      NOT NULL,
    text      VARCHAR(200) NOT NULL,
    enabled   BOOLEAN      NOT NULL DEFAULT TRUE,
    CONSTRAINT fieldwork_duty_item_place UNIQUE (role, list, position)
);

CREATE TABLE fieldwork_patrol_tick (
    patrol_id BIGINT      NOT NULL REFERENCES fieldwork_patrol (id),
    item_id   BIGINT      NOT NULL REFERENCES fieldwork_duty_item (id),
    at        TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (patrol_id, item_id)
);

INSERT INTO fieldwork_duty_item (role, list, position, text) VALUES
    ('GRID_WORKER', 'PATROL_VISIT', 1, '巡查网格内道路、楼栋、公共区域，发现问题及时上报'),
    ('GRID_WORKER', 'PATROL_VISIT', 2, '排查安全隐患（消防通道、电动车充电、高空坠物）'),
    ('GRID_WORKER', 'PATROL_VISIT', 3, '走访独居老人、困难家庭等重点人群'),
    ('GRID_WORKER', 'PATROL_VISIT', 4, '核实网格内人、房、企等基础信息变化'),
    ('GRID_WORKER', 'HANDLING_SERVICE', 1, '即发即处：当场处置网格内小事'),
    ('GRID_WORKER', 'HANDLING_SERVICE', 2, '调解邻里矛盾纠纷'),
    ('GRID_WORKER', 'HANDLING_SERVICE', 3, '为居民代办、帮办政务服务事项'),
    ('GRID_WORKER', 'HANDLING_SERVICE', 4, '宣传政策法规和安全知识'),
    ('GRID_WORKER', 'SUPERVISION', 1, '现场核查已处置工单的整改效果'),
    ('GRID_WORKER', 'SUPERVISION', 2, '督促物业、商户落实门前责任'),
    ('GRID_WORKER', 'SUPERVISION', 3, '跟进上报事项的办理进度并向居民反馈'),
    ('COMMUNITY_STAFF', 'PATROL_VISIT', 1, '走访辖区网格，了解网格员工作情况'),
    ('COMMUNITY_STAFF', 'PATROL_VISIT', 2, '走访重点人群和困难家庭'),
    ('COMMUNITY_STAFF', 'HANDLING_SERVICE', 1, '处置网格上报的社区级事项'),
    ('COMMUNITY_STAFF', 'HANDLING_SERVICE', 2, '组织矛盾纠纷调解'),
    ('COMMUNITY_STAFF', 'SUPERVISION', 1, '检查网格员巡查轨迹和民情日志'),
    ('COMMUNITY_STAFF', 'SUPERVISION', 2, '督办超期未处置的社区级工单');
