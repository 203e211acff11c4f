package org.yiwang.workorder.web.mobile;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

import java.util.ArrayList;
import java.util.List;

/**
 * Grid shapes for Leaflet: each polygon's outer ring as {@code [lat, lon]} pairs, rounded to about a
 * metre, so that a phone gets a few kilobytes instead of the full geometry.
 */
final class GridOutlines {

    private GridOutlines() {
    }

    static List<List<double[]>> rings(Geometry geometry) {
        List<List<double[]>> rings = new ArrayList<>();
        for (int i = 0; i < geometry.getNumGeometries(); i++) {
            if (geometry.getGeometryN(i) instanceof Polygon polygon) {
                List<double[]> ring = new ArrayList<>();
                for (Coordinate c : polygon.getExteriorRing().getCoordinates()) {
                    ring.add(new double[]{round(c.y), round(c.x)});
                }
                rings.add(ring);
            }
        }
        return rings;
    }

    private static double round(double degrees) {
        return Math.round(degrees * 1e5) / 1e5;
    }
}
