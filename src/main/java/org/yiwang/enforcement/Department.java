package org.yiwang.enforcement;

import org.yiwang.people.DepartmentType;

import java.util.Arrays;
import java.util.Optional;

/**
 * Who enforces an item: the "1" (综合行政执法), the "5" (公安, 交警, 安监, 环保, 市场监管) and the "N" (消防, 住建,
 * 水务, 自然资源 …), with the kind of district department that is summoned for it.
 */
public enum Department {
    LAW_ENFORCEMENT(DepartmentType.LAW_ENFORCEMENT, "1"),
    POLICE(DepartmentType.POLICE_STATION, "5"),
    TRAFFIC_POLICE(DepartmentType.POLICE_STATION, "5"),
    WORK_SAFETY(DepartmentType.EMERGENCY_MANAGEMENT, "5"),
    ENVIRONMENT(DepartmentType.ECOLOGY_ENVIRONMENT, "5"),
    MARKET(DepartmentType.MARKET_REGULATION, "5"),
    FIRE(DepartmentType.FIRE_RESCUE, "N"),
    HOUSING(DepartmentType.HOUSING_CONSTRUCTION, "N"),
    WATER(DepartmentType.WATER_AFFAIRS, "N"),
    LAND(DepartmentType.OTHER, "N");

    private final DepartmentType summoned;
    private final String group;

    Department(DepartmentType summoned, String group) {
        this.summoned = summoned;
        this.group = group;
    }

    /** The kind of district department that answers for this one. */
    public DepartmentType summoned() {
        return summoned;
    }

    /** "1", "5" or "N". */
    public String group() {
        return group;
    }

    public static Optional<Department> parse(String name) {
        return Arrays.stream(values()).filter(d -> d.name().equals(name)).findFirst();
    }
}
