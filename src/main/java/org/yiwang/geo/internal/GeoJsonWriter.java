package org.yiwang.geo.internal;

import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import tools.jackson.core.JsonGenerator;

/** Writes Polygons and MultiPolygons as GeoJSON geometry, exterior rings counter-clockwise (RFC 7946 §3.1.6). */
public final class GeoJsonWriter {

    private GeoJsonWriter() {
    }

    public static void write(JsonGenerator json, Geometry geometry) {
        json.writeStartObject();
        if (geometry instanceof Polygon polygon) {
            json.writeStringProperty("type", "Polygon");
            json.writeName("coordinates");
            polygon(json, polygon);
        } else if (geometry instanceof MultiPolygon multi) {
            json.writeStringProperty("type", "MultiPolygon");
            json.writeName("coordinates");
            json.writeStartArray();
            for (int i = 0; i < multi.getNumGeometries(); i++) {
                polygon(json, (Polygon) multi.getGeometryN(i));
            }
            json.writeEndArray();
        } else {
            throw new IllegalArgumentException("only polygons are written: " + geometry.getGeometryType());
        }
        json.writeEndObject();
    }

    /** The geometry as GeoJSON-shaped maps and lists, for serialising inside other JSON. */
    public static java.util.Map<String, Object> toMap(Geometry geometry) {
        java.util.Map<String, Object> map = new java.util.LinkedHashMap<>();
        if (geometry instanceof Polygon polygon) {
            map.put("type", "Polygon");
            map.put("coordinates", rings(polygon));
        } else if (geometry instanceof MultiPolygon multi) {
            map.put("type", "MultiPolygon");
            java.util.List<Object> polygons = new java.util.ArrayList<>();
            for (int i = 0; i < multi.getNumGeometries(); i++) {
                polygons.add(rings((Polygon) multi.getGeometryN(i)));
            }
            map.put("coordinates", polygons);
        } else {
            throw new IllegalArgumentException("only polygons are written: " + geometry.getGeometryType());
        }
        return map;
    }

    private static java.util.List<Object> rings(Polygon polygon) {
        java.util.List<Object> rings = new java.util.ArrayList<>();
        rings.add(positions(polygon.getExteriorRing(), true));
        for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
            rings.add(positions(polygon.getInteriorRingN(h), false));
        }
        return rings;
    }

    private static java.util.List<double[]> positions(LineString ring, boolean counterClockwise) {
        Coordinate[] coordinates = ring.getCoordinates();
        boolean reverse = Orientation.isCCW(coordinates) != counterClockwise;
        java.util.List<double[]> positions = new java.util.ArrayList<>(coordinates.length);
        for (int i = 0; i < coordinates.length; i++) {
            Coordinate c = coordinates[reverse ? coordinates.length - 1 - i : i];
            positions.add(new double[]{c.x, c.y});
        }
        return positions;
    }

    private static void polygon(JsonGenerator json, Polygon polygon) {
        json.writeStartArray();
        ring(json, polygon.getExteriorRing(), true);
        for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
            ring(json, polygon.getInteriorRingN(h), false);
        }
        json.writeEndArray();
    }

    private static void ring(JsonGenerator json, LineString ring, boolean counterClockwise) {
        Coordinate[] coordinates = ring.getCoordinates();
        boolean reverse = Orientation.isCCW(coordinates) != counterClockwise;
        json.writeStartArray();
        for (int i = 0; i < coordinates.length; i++) {
            Coordinate c = coordinates[reverse ? coordinates.length - 1 - i : i];
            json.writeStartArray();
            json.writeNumber(c.x);
            json.writeNumber(c.y);
            json.writeEndArray();
        }
        json.writeEndArray();
    }
}
