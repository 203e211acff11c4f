package org.yiwang.geo;

import java.util.Locale;
import java.util.Optional;

/** The two kinds of grid. */
public enum GridKind {
    /**
     * 综合网格 — the grids that tile a community without gaps or overlaps, about 300 households
     * each, every one with at least one full-time grid worker.
     */
    COMPREHENSIVE,
    /** 专属网格 — an enterprise, school, building, park …; may overlap comprehensive grids. */
    DEDICATED;

    /** The lower-case name used in GeoJSON and URLs. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<GridKind> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (GridKind kind : values()) {
            if (kind.name().equalsIgnoreCase(text.trim())) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
