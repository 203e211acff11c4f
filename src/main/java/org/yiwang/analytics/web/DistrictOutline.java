package org.yiwang.analytics.web;

import io.swagger.v3.oas.annotations.media.Schema;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.springframework.stereotype.Component;
import org.yiwang.geo.CoordinateSystem;
import org.yiwang.geo.GridIndex;
import org.yiwang.geo.GridKind;
import org.yiwang.geo.GridLocator;
import org.yiwang.geo.IndexedGrid;
import org.yiwang.geo.LonLat;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the offline base map draws without any tile server: the real outline of the district (vendored
 * from an npm data package, given there in GCJ-02 and converted here to WGS-84 once) and the streets of
 * the territory — their outlines, the union of their grids, and their names at a point inside each.
 */
@Component
class DistrictOutline {

    static final String RESOURCE = "/analytics/qinhuai-outline.gcj02.geojson";

    private final GridLocator grids;
    private final List<List<double[]>> districtRings;
    private final String districtCode;
    private final String districtName;
    private volatile Streets streets = new Streets(-1, List.of());

    DistrictOutline(GridLocator grids, JsonMapper json) {
        this.grids = grids;
        District district = read(json);
        this.districtCode = district.code();
        this.districtName = district.name();
        this.districtRings = district.rings();
    }

    /** The vendored district: code, name and its outline's rings of [lon, lat] in WGS-84. */
    record District(String code, String name, List<List<double[]>> rings) {
    }

    /** Reads the vendored outline and converts it from GCJ-02, as the package gives it, to WGS-84. */
    static District read(JsonMapper json) {
        try (InputStream in = DistrictOutline.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + RESOURCE);
            }
            JsonNode feature = json.readTree(in).get("features").get(0);
            List<List<double[]>> rings = new ArrayList<>();
            for (JsonNode ring : feature.get("geometry").get("coordinates")) {
                List<double[]> points = new ArrayList<>();
                for (JsonNode p : ring) {
                    LonLat wgs = CoordinateSystem.GCJ02.toWgs84(new LonLat(p.get(0).asDouble(), p.get(1).asDouble()));
                    points.add(new double[]{round(wgs.lon()), round(wgs.lat())});
                }
                rings.add(points);
            }
            return new District(feature.get("properties").get("code").asString(), feature.get("properties").get("name").asString(),
                    List.copyOf(rings));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
        List<Feature> features = new ArrayList<>();
        features.add(new Feature("Feature", props("district", districtCode, districtName), new Shape("Polygon", districtRings)));
        features.addAll(streets().features());
        return new Outline("FeatureCollection", features);
    }

    private Streets streets() {
        GridIndex index = grids.index();
        Streets current = streets;
        if (current.revision() == index.revision()) {
            return current;
        }
        Map<String, List<Geometry>> byStreet = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (IndexedGrid grid : index.grids()) {
            if (grid.kind() != GridKind.COMPREHENSIVE || grid.street() == null) {
                continue;
            }
            byStreet.computeIfAbsent(grid.street().code(), k -> new ArrayList<>()).add(grid.geometry());
            names.put(grid.street().code(), grid.street().name());
        }
        List<Feature> features = new ArrayList<>();
        List<Feature> labels = new ArrayList<>();
        byStreet.forEach((code, parts) -> {
            Geometry union = UnaryUnionOp.union(parts);
            List<Object> polygons = new ArrayList<>();
            for (int i = 0; i < union.getNumGeometries(); i++) {
                if (union.getGeometryN(i) instanceof Polygon polygon) {
                    List<Object> rings = new ArrayList<>();
                    rings.add(ring(polygon.getExteriorRing().getCoordinates()));
                    polygons.add(rings);
                }
            }
            features.add(new Feature("Feature", props("street", code, names.get(code)), new Shape("MultiPolygon", polygons)));
            Point inside = union.getInteriorPoint();
            labels.add(new Feature("Feature", props("label", code, names.get(code)),
                    new Shape("Point", new double[]{round(inside.getX()), round(inside.getY())})));
        });
        features.addAll(labels);
        Streets built = new Streets(index.revision(), List.copyOf(features));
        streets = built;
        return built;
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
