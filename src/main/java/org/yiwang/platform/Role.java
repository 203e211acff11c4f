package org.yiwang.platform;

/** The roles of DESIGN's "who uses it" table. */
public enum Role {
    /** 居民 — reports problems, follows and rates them. */
    RESIDENT,
    /** 网格员 — patrols a grid, reports and verifies on site. */
    GRID_WORKER,
    /** 社区工作人员 — handles matters at community level. */
    COMMUNITY_STAFF,
    /** 指挥中心值班员/派遣员 — accepts, files, dispatches, supervises, verifies and closes. */
    DISPATCHER,
    /** 职能部门/处置单位 — signs for, handles and reports back. */
    HANDLER,
    /** 领导 — dashboards, rankings, supervision. */
    LEADER,
    /** 管理员 — grids, catalogs, duty list, time limits, calendar, users. */
    ADMIN;

    public String authority() {
        return "ROLE_" + name();
    }

    public boolean isStaff() {
        return this != RESIDENT;
    }
}
