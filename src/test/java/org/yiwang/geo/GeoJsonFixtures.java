package org.yiwang.geo;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Builds GeoJSON import files for tests. Boxes are given west, south, east, north. */
public final class GeoJsonFixtures {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private GeoJsonFixtures() {
    }

    public static ObjectNode collection(ObjectNode... features) {
        ObjectNode collection = JSON.createObjectNode();
        collection.put("type", "FeatureCollection");
        ArrayNode array = collection.putArray("features");
        for (ObjectNode feature : features) {
            array.add(feature);
        }
        return collection;
    }

    public static byte[] bytes(ObjectNode node) {
        return JSON.writeValueAsBytes(node);
    }

    public static ObjectNode community(String code, String name, double[][] ring) {
        ObjectNode feature = feature(polygon(ring));
        ObjectNode properties = (ObjectNode) feature.get("properties");
        properties.put("code", code);
        properties.put("name", name);
        properties.put("kind", "community");
        return feature;
    }

    /** A comprehensive grid of 300 households with the given workers. */
    public static ObjectNode comprehensive(String code, String community, double[][] ring, String... workers) {
        return grid(code, community, "comprehensive", null, ring, workers);
    }

    public static ObjectNode dedicated(String code, String community, String type, double[][] ring, String... workers) {
        return grid(code, community, "dedicated", type, ring, workers);
    }

    public static ObjectNode grid(String code, String community, String kind, String dedicatedType, double[][] ring,
                                  String... workers) {
        ObjectNode feature = feature(polygon(ring));
        ObjectNode properties = (ObjectNode) feature.get("properties");
        properties.put("code", code);
        properties.put("name", "网格" + code.substring(Math.max(0, code.length() - 3)));
        properties.put("kind", kind);
        properties.put("community", community);
        properties.put("households", 300);
        properties.put("population", 780);
        if (dedicatedType != null) {
            properties.put("dedicatedType", dedicatedType);
        }
        ArrayNode array = properties.putArray("gridWorkers");
        for (String worker : workers) {
            array.add(worker);
        }
        return feature;
    }

    public static ObjectNode feature(ObjectNode geometry) {
        ObjectNode feature = JSON.createObjectNode();
        feature.put("type", "Feature");
        feature.putObject("properties");
        feature.set("geometry", geometry);
        return feature;
    }

    /** A Polygon geometry with an outer ring and optional holes. */
    public static ObjectNode polygon(double[][] ring, double[][]... holes) {
        ObjectNode geometry = JSON.createObjectNode();
        geometry.put("type", "Polygon");
        ArrayNode rings = geometry.putArray("coordinates");
        rings.add(ring(ring));
        for (double[][] hole : holes) {
            rings.add(ring(hole));
        }
        return geometry;
    }

    public static ArrayNode ring(double[][] positions) {
        ArrayNode ring = JSON.createArrayNode();
        for (double[] p : positions) {
            ring.addArray().add(p[0]).add(p[1]);
        }
        return ring;
    }

    /** A closed counter-clockwise ring around the box. */
    public static double[][] box(double west, double south, double east, double north) {
        return new double[][]{{west, south}, {east, south}, {east, north}, {west, north}, {west, south}};
    }
}
