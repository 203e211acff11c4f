package org.yiwang.geo.internal;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;
import org.yiwang.geo.CoordinateSystem;
import org.yiwang.geo.DedicatedType;
import org.yiwang.geo.ImportProblem;
import org.yiwang.geo.LonLat;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a GeoJSON FeatureCollection of communities and grids (RFC 7946, plus the legacy {@code crs}
 * member when it names WGS-84 or CGCS2000) into {@link ParsedFeature}s, reporting everything that
 * cannot be read — it never stops at the first problem. Positions are longitude, latitude (a third
 * value, the altitude, is ignored); each polygon is checked with JTS {@link IsValidOp}.
 */
public final class GeoJsonFeatures {

    public static final int MAX_NAME_LENGTH = 100;
    /** Coordinate problems listed per feature before the rest are summed up. */
    private static final int MAX_POSITION_PROBLEMS = 3;
    private static final Set<String> ACCEPTED_CRS = Set.of(
            "urn:ogc:def:crs:ogc:1.3:crs84", "urn:ogc:def:crs:ogc::crs84", "crs84", "ogc:crs84",
            "epsg:4326", "urn:ogc:def:crs:epsg::4326", "urn:ogc:def:crs:epsg:6.6:4326",
            "epsg:4490", "urn:ogc:def:crs:epsg::4490");

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS) // so that NaN is reported at its feature
            .build();

    private final CoordinateSystem coordinates;
    private final List<ImportProblem> problems = new ArrayList<>();

    private GeoJsonFeatures(CoordinateSystem coordinates) {
        this.coordinates = coordinates;
    }

    /** Reads the file; positions in {@code coordinates} are converted to WGS-84. */
    public static ParsedFile parse(byte[] file, CoordinateSystem coordinates) {
        return new GeoJsonFeatures(coordinates).read(file);
    }

    private ParsedFile read(byte[] file) {
        JsonNode root;
        try {
            root = file == null || file.length == 0 ? null : JSON.readTree(file);
        } catch (JacksonException e) {
            TokenStreamLocation location = e.getLocation();
            String message = e.getOriginalMessage();
            int newline = message == null ? -1 : message.indexOf('\n');
            message = message == null ? e.getClass().getSimpleName() : newline > 0 ? message.substring(0, newline) : message;
            problems.add(ImportProblem.error(null, null, "geo.import.malformedJson", shorten(message),
                    location == null ? "?" : location.getLineNr(), location == null ? "?" : location.getColumnNr()));
            return unreadable();
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            problems.add(ImportProblem.error(null, null, "geo.import.empty"));
            return unreadable();
        }
        if (!root.isObject() || !"FeatureCollection".equals(text(root.get("type")))) {
            String type = root.isObject() ? String.valueOf(text(root.get("type"))) : kindOf(root);
            problems.add(ImportProblem.error(null, null, "geo.import.notFeatureCollection", type));
            return unreadable();
        }
        checkCrs(root.get("crs"));
        JsonNode features = root.get("features");
        if (features == null || !features.isArray()) {
            problems.add(ImportProblem.error(null, null, "geo.import.noFeatureArray"));
            return unreadable();
        }
        if (features.isEmpty()) {
            problems.add(ImportProblem.error(null, null, "geo.import.noFeatures"));
        }
        List<ParsedFeature> parsed = new ArrayList<>(features.size());
        for (int i = 0; i < features.size(); i++) {
            parsed.add(feature(i, features.get(i)));
        }
        return new ParsedFile(true, features.size(), parsed, problems);
    }

    private ParsedFile unreadable() {
        return new ParsedFile(false, 0, List.of(), problems);
    }

    private void checkCrs(JsonNode crs) {
        if (crs == null || crs.isNull()) {
            return;
        }
        String name = text(crs.path("properties").get("name"));
        if (!"name".equals(text(crs.get("type"))) || name == null || !ACCEPTED_CRS.contains(name.toLowerCase(Locale.ROOT))) {
            problems.add(ImportProblem.error(null, null, "geo.import.unsupportedCrs", name == null ? shorten(crs.toString()) : name));
        }
    }

    private ParsedFeature feature(int index, JsonNode node) {
        int before = problems.size();
        if (node == null || !node.isObject() || !"Feature".equals(text(node.get("type")))) {
            problems.add(ImportProblem.error(index, null, "geo.import.notAFeature",
                    node != null && node.isObject() ? String.valueOf(text(node.get("type"))) : kindOf(node)));
            return new ParsedFeature(index, null, null, null, null, 0, 0, null, List.of(), null, false);
        }
        JsonNode properties = node.get("properties");
        if (properties == null || !properties.isObject()) {
            problems.add(ImportProblem.error(index, null, "geo.import.missingProperties"));
            properties = JSON.createObjectNode();
        }
        String code = code(index, properties.get("code"));
        ParsedFeature.Kind kind = kind(index, code, properties.get("kind"));
        String name = name(index, code, properties.get("name"));
        String community = null;
        int households = 0;
        int population = 0;
        DedicatedType dedicatedType = null;
        List<String> workers = List.of();
        if (kind != null && kind != ParsedFeature.Kind.COMMUNITY) {
            community = code(index, properties.get("community"));
            if (community == null) {
                problems.add(ImportProblem.error(index, code, "geo.import.missingProperty", "community"));
            }
            households = count(index, code, "households", properties.get("households"));
            population = count(index, code, "population", properties.get("population"));
            dedicatedType = dedicatedType(index, code, kind, properties.get("dedicatedType"));
            workers = workers(index, code, properties.get("gridWorkers"));
        }
        Geometry geometry = geometry(index, code, node.get("geometry"));
        return new ParsedFeature(index, kind, code, name, community, households, population, dedicatedType, workers,
                geometry, problems.subList(before, problems.size()).stream().noneMatch(ImportProblem::isError));
    }

    private String code(int index, JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isString() || node.isIntegralNumber()) {
            String code = node.isString() ? node.asString().strip() : node.asString();
            return code.isEmpty() ? null : code;
        }
        problems.add(ImportProblem.error(index, null, "geo.import.badProperty", "code", shorten(node.toString())));
        return null;
    }

    private ParsedFeature.Kind kind(int index, String code, JsonNode node) {
        String kind = text(node);
        if (kind == null) {
            problems.add(ImportProblem.error(index, code, "geo.import.missingProperty", "kind"));
            return null;
        }
        return switch (kind.strip().toLowerCase(Locale.ROOT)) {
            case "comprehensive" -> ParsedFeature.Kind.COMPREHENSIVE;
            case "dedicated" -> ParsedFeature.Kind.DEDICATED;
            case "community" -> ParsedFeature.Kind.COMMUNITY;
            default -> {
                problems.add(ImportProblem.error(index, code, "geo.import.unknownKind", shorten(kind)));
                yield null;
            }
        };
    }

    private String name(int index, String code, JsonNode node) {
        String name = text(node);
        if (name == null || name.isBlank()) {
            problems.add(ImportProblem.error(index, code, "geo.import.missingProperty", "name"));
            return null;
        }
        name = name.strip();
        if (name.length() > MAX_NAME_LENGTH) {
            problems.add(ImportProblem.error(index, code, "geo.import.nameTooLong", MAX_NAME_LENGTH));
            return null;
        }
        return name;
    }

    private int count(int index, String code, String property, JsonNode node) {
        if (node == null || node.isNull()) {
            return 0;
        }
        if (node.isIntegralNumber() && node.canConvertToInt() && node.intValue() >= 0) {
            return node.intValue();
        }
        problems.add(ImportProblem.error(index, code, "geo.import.badCount", property, shorten(node.toString())));
        return 0;
    }

    private DedicatedType dedicatedType(int index, String code, ParsedFeature.Kind kind, JsonNode node) {
        String value = text(node);
        if (kind == ParsedFeature.Kind.COMPREHENSIVE) {
            if (value != null && !value.isBlank()) {
                problems.add(ImportProblem.warning(index, code, "geo.import.dedicatedTypeIgnored", shorten(value)));
            }
            return null;
        }
        if (value == null || value.isBlank()) {
            problems.add(ImportProblem.error(index, code, "geo.import.missingProperty", "dedicatedType"));
            return null;
        }
        return DedicatedType.parse(value).orElseGet(() -> {
            problems.add(ImportProblem.error(index, code, "geo.import.unknownDedicatedType", shorten(value),
                    String.join(", ", Arrays.stream(DedicatedType.values()).map(Enum::name).toList())));
            return null;
        });
    }

    private List<String> workers(int index, String code, JsonNode node) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            problems.add(ImportProblem.error(index, code, "geo.import.badWorkers"));
            return List.of();
        }
        List<String> usernames = new ArrayList<>();
        for (JsonNode worker : node) {
            if (!worker.isString() || worker.asString().isBlank()) {
                problems.add(ImportProblem.error(index, code, "geo.import.badWorkers"));
                return List.of();
            }
            if (!usernames.contains(worker.asString().strip())) {
                usernames.add(worker.asString().strip());
            }
        }
        return usernames;
    }

    // ---- geometry

    private Geometry geometry(int index, String code, JsonNode node) {
        if (node == null || node.isNull()) {
            problems.add(ImportProblem.error(index, code, "geo.import.missingGeometry"));
            return null;
        }
        String type = node.isObject() ? text(node.get("type")) : null;
        if (!"Polygon".equals(type) && !"MultiPolygon".equals(type)) {
            problems.add(ImportProblem.error(index, code, "geo.import.wrongGeometryType",
                    type == null ? kindOf(node) : shorten(type)));
            return null;
        }
        JsonNode coordinatesNode = node.get("coordinates");
        Positions positions = new Positions(index, code);
        Geometry geometry;
        if ("Polygon".equals(type)) {
            Polygon polygon = polygon(coordinatesNode, "", positions);
            geometry = polygon;
        } else if (coordinatesNode == null || !coordinatesNode.isArray() || coordinatesNode.isEmpty()) {
            positions.structure("", "geo.import.noPolygons");
            geometry = null;
        } else {
            Polygon[] polygons = new Polygon[coordinatesNode.size()];
            for (int p = 0; p < polygons.length; p++) {
                polygons[p] = polygon(coordinatesNode.get(p), "[" + p + "]", positions);
            }
            geometry = Arrays.stream(polygons).anyMatch(java.util.Objects::isNull) ? null
                    : Geometries.FACTORY.createMultiPolygon(polygons);
        }
        positions.finish();
        if (geometry == null) {
            return null;
        }
        TopologyValidationError error = new IsValidOp(geometry).getValidationError();
        if (error != null) {
            Coordinate at = error.getCoordinate();
            ImportProblem problem = ImportProblem.error(index, code, "geo.import.invalid." + invalidKey(error.getErrorType()),
                    at == null ? "?" : format(at.x), at == null ? "?" : format(at.y), error.getMessage());
            problems.add(at != null && LonLat.isLongitude(at.x) && LonLat.isLatitude(at.y) ? problem.at(new LonLat(at.x, at.y)) : problem);
            return null;
        }
        return geometry;
    }

    private Polygon polygon(JsonNode rings, String path, Positions positions) {
        if (rings == null || !rings.isArray() || rings.isEmpty()) {
            positions.structure(path, "geo.import.noRings");
            return null;
        }
        LinearRing[] linearRings = new LinearRing[rings.size()];
        boolean ok = true;
        for (int r = 0; r < rings.size(); r++) {
            linearRings[r] = ring(rings.get(r), path + "[" + r + "]", positions);
            ok &= linearRings[r] != null;
        }
        if (!ok) {
            return null;
        }
        return Geometries.FACTORY.createPolygon(linearRings[0], Arrays.copyOfRange(linearRings, 1, linearRings.length));
    }

    private LinearRing ring(JsonNode ring, String path, Positions positions) {
        if (ring == null || !ring.isArray()) {
            positions.structure(path, "geo.import.notARing");
            return null;
        }
        Coordinate[] coordinates = new Coordinate[ring.size()];
        boolean ok = true;
        for (int p = 0; p < ring.size(); p++) {
            coordinates[p] = position(ring.get(p), path + "[" + p + "]", positions);
            ok &= coordinates[p] != null;
        }
        if (!ok) {
            return null;
        }
        if (coordinates.length < 4) {
            positions.structure(path, "geo.import.ringTooShort", coordinates.length);
            return null;
        }
        if (!coordinates[0].equals2D(coordinates[coordinates.length - 1])) {
            positions.structure(path, "geo.import.ringNotClosed", format(coordinates[0].x), format(coordinates[0].y));
            return null;
        }
        return Geometries.FACTORY.createLinearRing(coordinates);
    }

    private Coordinate position(JsonNode node, String path, Positions positions) {
        if (node == null || !node.isArray() || node.size() < 2) {
            positions.bad(path, "geo.import.positionNotPair", node == null ? "null" : shorten(node.toString()));
            return null;
        }
        JsonNode lonNode = node.get(0);
        JsonNode latNode = node.get(1);
        if (!lonNode.isNumber() || !latNode.isNumber()) {
            positions.bad(path, "geo.import.positionNotNumbers", shorten(node.toString()));
            return null;
        }
        double lon = lonNode.doubleValue();
        double lat = latNode.doubleValue();
        if (!LonLat.isLongitude(lon) || !LonLat.isLatitude(lat)) {
            positions.bad(path, "geo.import.positionOutOfRange", String.valueOf(lon), String.valueOf(lat));
            return null;
        }
        LonLat wgs84 = coordinates.toWgs84(new LonLat(lon, lat));
        return new Coordinate(wgs84.lon(), wgs84.lat());
    }

    /** Collects position problems of one feature, listing the first few. */
    private final class Positions {
        private final int index;
        private final String code;
        private int bad;

        Positions(int index, String code) {
            this.index = index;
            this.code = code;
        }

        void bad(String path, String key, Object... args) {
            if (++bad <= MAX_POSITION_PROBLEMS) {
                Object[] all = new Object[args.length + 1];
                all[0] = "coordinates" + path;
                System.arraycopy(args, 0, all, 1, args.length);
                problems.add(ImportProblem.error(index, code, key, all));
            }
        }

        void structure(String path, String key, Object... args) {
            Object[] all = new Object[args.length + 1];
            all[0] = "coordinates" + path;
            System.arraycopy(args, 0, all, 1, args.length);
            problems.add(ImportProblem.error(index, code, key, all));
        }

        void finish() {
            if (bad > MAX_POSITION_PROBLEMS) {
                problems.add(ImportProblem.error(index, code, "geo.import.morePositionProblems", bad - MAX_POSITION_PROBLEMS));
            }
        }
    }

    private static String invalidKey(int errorType) {
        return switch (errorType) {
            case TopologyValidationError.SELF_INTERSECTION -> "selfIntersection";
            case TopologyValidationError.RING_SELF_INTERSECTION -> "ringSelfIntersection";
            case TopologyValidationError.HOLE_OUTSIDE_SHELL -> "holeOutsideShell";
            case TopologyValidationError.NESTED_HOLES -> "nestedHoles";
            case TopologyValidationError.DISCONNECTED_INTERIOR -> "disconnectedInterior";
            case TopologyValidationError.NESTED_SHELLS -> "nestedShells";
            case TopologyValidationError.DUPLICATE_RINGS -> "duplicateRings";
            case TopologyValidationError.TOO_FEW_POINTS -> "tooFewPoints";
            case TopologyValidationError.RING_NOT_CLOSED -> "ringNotClosed";
            case TopologyValidationError.INVALID_COORDINATE -> "invalidCoordinate";
            default -> "other";
        };
    }

    static String format(double degrees) {
        return String.format(Locale.ROOT, "%.7f", degrees);
    }

    private static String text(JsonNode node) {
        return node != null && node.isString() ? node.asString() : null;
    }

    private static String kindOf(JsonNode node) {
        if (node == null || node.isNull()) {
            return "null";
        }
        if (node.isArray()) {
            return "array";
        }
        if (node.isObject()) {
            return "object";
        }
        return node.isNumber() ? "number" : node.isString() ? "string" : node.getNodeType().toString().toLowerCase(Locale.ROOT);
    }

    private static String shorten(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "…" : text;
    }
}
