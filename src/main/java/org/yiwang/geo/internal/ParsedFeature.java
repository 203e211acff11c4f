package org.yiwang.geo.internal;

import org.locationtech.jts.geom.Geometry;
import org.yiwang.geo.DedicatedType;
import org.yiwang.geo.GridKind;

import java.util.List;

/**
 * A feature of an import file as read, before it is checked against the territory.
 *
 * @param kind null when the kind property was missing or wrong
 * @param geometry null when the geometry was missing or invalid
 * @param readable whether every property and the geometry could be read without error
 */
public record ParsedFeature(int index, Kind kind, String code, String name, String communityCode, int households,
                            int population, DedicatedType dedicatedType, List<String> workers, Geometry geometry,
                            boolean readable) {

    public ParsedFeature {
        workers = List.copyOf(workers);
    }

    /** What a feature describes. */
    public enum Kind {
        COMMUNITY, COMPREHENSIVE, DEDICATED;

        public GridKind gridKind() {
            return switch (this) {
                case COMPREHENSIVE -> GridKind.COMPREHENSIVE;
                case DEDICATED -> GridKind.DEDICATED;
                case COMMUNITY -> null;
            };
        }
    }

    public boolean isGrid() {
        return kind == Kind.COMPREHENSIVE || kind == Kind.DEDICATED;
    }

    /** The community this feature belongs to (itself for a community feature). */
    public String community() {
        return kind == Kind.COMMUNITY ? code : communityCode;
    }
}
