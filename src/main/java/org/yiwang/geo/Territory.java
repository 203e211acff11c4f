package org.yiwang.geo;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Polygon;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A generated territory (see {@link TerritoryGenerator}): one district with its streets, the
 * communities of each street with their boundaries, and the grids of each community.
 */
public record Territory(Division district, List<Division> streets, List<Community> communities, List<GeneratedGrid> grids) {

    public Territory {
        streets = List.copyOf(streets);
        communities = List.copyOf(communities);
        grids = List.copyOf(grids);
    }

    /** A community (社区) with its boundary. */
    public record Community(Division division, Polygon boundary) {
        public String code() {
            return division.code();
        }
    }

    /**
     * A generated grid, without grid workers.
     *
     * @param dedicatedType null for comprehensive grids
     */
    public record GeneratedGrid(String code, String name, GridKind kind, DedicatedType dedicatedType, String communityCode,
                       int households, int population, Polygon geometry) {
    }

    public List<GeneratedGrid> comprehensiveGrids() {
        return grids.stream().filter(g -> g.kind() == GridKind.COMPREHENSIVE).toList();
    }

    public List<GeneratedGrid> dedicatedGrids() {
        return grids.stream().filter(g -> g.kind() == GridKind.DEDICATED).toList();
    }

    /** The box around every grid. */
    public Envelope bounds() {
        Envelope envelope = new Envelope();
        grids.forEach(g -> envelope.expandToInclude(g.geometry().getEnvelopeInternal()));
        return envelope;
    }

    /** The grids as the grid index holds them, with their divisions. */
    public List<IndexedGrid> indexedGrids() {
        Map<String, Division> streetsByCode = streets.stream().collect(Collectors.toMap(Division::code, Function.identity()));
        Map<String, Division> communitiesByCode = communities.stream()
                .collect(Collectors.toMap(Community::code, Community::division));
        return grids.stream().map(g -> {
            Division community = communitiesByCode.get(g.communityCode());
            Division street = streetsByCode.get(community.parentCode());
            return new IndexedGrid(new GridRef(g.code(), g.name(), g.kind(), g.dedicatedType()),
                    community.ref(), street.ref(), district.ref(), g.geometry());
        }).toList();
    }

    /** A grid index over this territory, as if it had been loaded at {@code revision}. */
    public GridIndex index(long revision) {
        return GridIndex.build(revision, indexedGrids());
    }
}
