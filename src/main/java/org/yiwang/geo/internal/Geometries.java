package org.yiwang.geo.internal;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;

/** The one geometry factory (WGS-84 longitude/latitude, SRID 4326) and WKB storage. */
public final class Geometries {

    public static final int WGS84_SRID = 4326;
    public static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), WGS84_SRID);

    private Geometries() {
    }

    public static byte[] toWkb(Geometry geometry) {
        return new WKBWriter(2).write(geometry); // WKBWriter is not thread-safe
    }

    public static Geometry fromWkb(byte[] wkb) {
        try {
            return new WKBReader(FACTORY).read(wkb);
        } catch (ParseException e) {
            throw new IllegalStateException("stored geometry is not valid WKB", e);
        }
    }
}
