package org.yiwang.catalog;

import java.util.Locale;
import java.util.Optional;

/**
 * The level of the territory that handles a case, lowest first: "小事不出社区、大事不出街道、难事不出区".
 * Each level has its own office, which handles a case when the duty list names no department for it.
 */
public enum DutyLevel {
    /** 网格 — the grid worker (网格员) of the grid where the problem is. */
    GRID("网格员"),
    /** 社区 — the community workstation (社区工作站). */
    COMMUNITY("社区工作站"),
    /** 街道 — the street's command centre (街道综合指挥中心) or a department's street-level unit. */
    STREET("街道综合指挥中心"),
    /** 区 — the district command centre (区社会治理指挥中心) or a district department. */
    DISTRICT("区社会治理指挥中心");

    private final String office;

    DutyLevel(String office) {
        this.office = office;
    }

    /** Chinese name of the level's own office. */
    public String office() {
        return office;
    }

    public static Optional<DutyLevel> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(text.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
