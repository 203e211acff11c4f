package org.yiwang.analytics.web;

import io.swagger.v3.oas.annotations.media.Schema;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.springframework.stereotype.Component;
import org.yiwang.geo.GridIndex;
import org.yiwang.geo.GridKind;
import org.yiwang.geo.GridLocator;
import org.yiwang.geo.IndexedGrid;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the offline base map draws without any tile server: the outline of each district of the territory and
 * of its streets — the union of their comprehensive grids, so from Yiwang's own data — and the street names at a
 * point inside each. No outline is vendored: no openly licensed package of Chinese district boundaries was found
 * on npm (README, "Base maps"), and the outline of the grids is the territory the platform actually serves.
 */
@Component
class DistrictOutline {

    private final GridLocator grids;
    private volatile Streets streets = new Streets(-1, List.of());

    DistrictOutline(GridLocator grids) {
        this.grids = grids;
    }

    /** A GeoJSON FeatureCollection: the district outline, then each street's outline and label point. */
    @Schema(name = "OfflineBaseMap")
    record Outline(String type, List<Feature> features) {
    }

    /** @param properties {@code kind} ({@code district}, {@code street}, {@code label}), {@code code}, {@code name} */
    @Schema(name = "OfflineBaseMapFeature")
    record Feature(String type, Map<String, String> properties, Shape geometry) {
    }

    @Schema(name = "OfflineBaseMapGeometry")
    record Shape(String type, Object coordinates) {
    }

    private record Streets(long revision, List<Feature> features) {
    }

    Outline outline() {
        return new Outline("FeatureCollection", streets().features());
    }

    private Streets streets() {
        GridIndex index = grids.index();
        Streets current = streets;
        if (current.revision() == index.revision()) {
            return current;
        }
        Map<String, List<Geometry>> byStreet = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, List<Geometry>> byDistrict = new LinkedHashMap<>();
        Map<String, String> districtNames = new LinkedHashMap<>();
        for (IndexedGrid grid : index.grids()) {
            if (grid.kind() != GridKind.COMPREHENSIVE || grid.street() == null) {
                continue;
            }
            byStreet.computeIfAbsent(grid.street().code(), k -> new ArrayList<>()).add(grid.geometry());
            names.put(grid.street().code(), grid.street().name());
            if (grid.district() != null) {
                byDistrict.computeIfAbsent(grid.district().code(), k -> new ArrayList<>()).add(grid.geometry());
                districtNames.put(grid.district().code(), grid.district().name());
            }
        }
        List<Feature> features = new ArrayList<>();
        List<Feature> labels = new ArrayList<>();
        byDistrict.forEach((code, parts) -> features.add(new Feature("Feature", props("district", code, districtNames.get(code)),
                new Shape("MultiPolygon", polygons(UnaryUnionOp.union(parts))))));
        byStreet.forEach((code, parts) -> {
            Geometry union = UnaryUnionOp.union(parts);
            features.add(new Feature("Feature", props("street", code, names.get(code)), new Shape("MultiPolygon", polygons(union))));
            Point inside = union.getInteriorPoint();
            labels.add(new Feature("Feature", props("label", code, names.get(code)),
                    new Shape("Point", new double[]{round(inside.getX()), round(inside.getY())})));
        });
        features.addAll(labels);
        Streets built = new Streets(index.revision(), List.copyOf(features));
        streets = built;
        return built;
    }

    /** The outer rings of a (multi)polygon as GeoJSON MultiPolygon coordinates. */
    private static List<Object> polygons(Geometry union) {
        List<Object> polygons = new ArrayList<>();
        for (int i = 0; i < union.getNumGeometries(); i++) {
            if (union.getGeometryN(i) instanceof Polygon polygon) {
                List<Object> rings = new ArrayList<>();
                rings.add(ring(polygon.getExteriorRing().getCoordinates()));
                polygons.add(rings);
            }
        }
        return polygons;
    }

    private static List<double[]> ring(Coordinate[] coordinates) {
        List<double[]> ring = new ArrayList<>(coordinates.length);
        for (Coordinate c : coordinates) {
            ring.add(new double[]{round(c.x), round(c.y)});
        }
        return ring;
    }

    private static Map<String, String> props(String kind, String code, String name) {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("kind", kind);
        props.put("code", code);
        props.put("name", name);
        return props;
    }

    private static double round(double degrees) {
        return Math.round(degrees * 1e5) / 1e5;
    }
}
