package org.yiwang.people;

/**
 * The kind of a department (职能部门/处置单位): what it is responsible for. The duty list refers to
 * departments by kind within a division, e.g. "the URBAN_MANAGEMENT department of 秦淮区".
 */
public enum DepartmentType {
    /** 城市管理（城管）. */
    URBAN_MANAGEMENT,
    /** 市场监督管理（市场监管）. */
    MARKET_REGULATION,
    /** 环境卫生（环卫）. */
    SANITATION,
    /** 住房和城乡建设（住建）. */
    HOUSING_CONSTRUCTION,
    /** 交通运输（交通）. */
    TRANSPORT,
    /** 公安派出所. */
    POLICE_STATION,
    /** 综合行政执法. */
    LAW_ENFORCEMENT,
    /** 水务. */
    WATER_AFFAIRS,
    /** 园林绿化. */
    LANDSCAPING,
    /** 生态环境. */
    ECOLOGY_ENVIRONMENT,
    /** 应急管理. */
    EMERGENCY_MANAGEMENT,
    /** 民政. */
    CIVIL_AFFAIRS,
    /** 卫生健康. */
    HEALTH,
    /** 教育. */
    EDUCATION,
    /** 消防救援. */
    FIRE_RESCUE,
    /** 公用事业（供水、供电、燃气、通信）. */
    UTILITIES,
    /** 其他. */
    OTHER
}
