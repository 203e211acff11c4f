package org.yiwang.catalog;

/**
 * The rule "部件先属主后属地、事件先属地后属主" that orders the duty-list candidates of a category.
 */
public enum RoutingPrinciple {
    /**
     * 部件先属主后属地 — a component, or a matter that is a component's malfunction, goes to the department
     * that owns it first, and to the territory (the level's office) only when no owner can take it.
     */
    OWNER_FIRST("部件先属主后属地"),
    /**
     * 事件先属地后属主 — an event goes to the territory first, lowest level first (小事不出社区、大事不出街道),
     * and to the departments of higher levels after that.
     */
    TERRITORY_FIRST("事件先属地后属主");

    private final String text;

    RoutingPrinciple(String text) {
        this.text = text;
    }

    /** The principle as the duty-list regulations word it. */
    public String text() {
        return text;
    }
}
