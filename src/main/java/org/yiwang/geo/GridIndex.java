package org.yiwang.geo;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * An immutable in-memory index answering "which grids contain this point" without the database.
 * Build one per territory revision and share it freely between threads.
 * <p>
 * The territory's bounding box is cut into uniform buckets about the size of a typical grid; each
 * bucket lists the grids whose bounding box touches it, in result order. A lookup computes its
 * bucket, checks those few grids' boxes, and runs an even-odd crossing test on flat coordinate
 * arrays. Each edge is evaluated with its endpoints in a canonical order, so that neighbouring grids
 * sharing an edge agree on which side a point is: a point of a tiled community lies in exactly one
 * comprehensive grid, even on a shared boundary.
 */
public final class GridIndex {

    private static final GridIndex EMPTY = build(-1, List.of());
    /** Upper bound of buckets, about 16 MB of offsets. */
    private static final int MAX_BUCKETS = 4 << 20;

    private final long revision;
    private final IndexedGrid[] grids;
    private final double[] minX;
    private final double[] minY;
    private final double[] maxX;
    private final double[] maxY;
    /** Grid g's rings are rings gridRings[g] until gridRings[g + 1]. */
    private final int[] gridRings;
    /** Ring r's points are points ringPoints[r] until ringPoints[r + 1], each ring closed. */
    private final int[] ringPoints;
    /** x and y of point p at xy[2p] and xy[2p + 1]. */
    private final double[] xy;
    private final double originX;
    private final double originY;
    private final double bucketsPerX;
    private final double bucketsPerY;
    private final int columns;
    private final int rows;
    /** Bucket b's grids are bucketGrids[bucketStart[b]] until bucketGrids[bucketStart[b + 1]]. */
    private final int[] bucketStart;
    private final int[] bucketGrids;
    private final Envelope bounds;
    private final java.util.Map<String, IndexedGrid> byCode;

    private GridIndex(long revision, IndexedGrid[] grids) {
        this.revision = revision;
        this.grids = grids;
        this.byCode = java.util.Arrays.stream(grids).collect(java.util.stream.Collectors.toUnmodifiableMap(IndexedGrid::code, g -> g));
        int n = grids.length;
        minX = new double[n];
        minY = new double[n];
        maxX = new double[n];
        maxY = new double[n];
        gridRings = new int[n + 1];
        List<LinearRing> rings = new ArrayList<>();
        bounds = new Envelope();
        for (int g = 0; g < n; g++) {
            Geometry geometry = grids[g].geometry();
            Envelope envelope = geometry.getEnvelopeInternal();
            minX[g] = envelope.getMinX();
            minY[g] = envelope.getMinY();
            maxX[g] = envelope.getMaxX();
            maxY[g] = envelope.getMaxY();
            bounds.expandToInclude(envelope);
            for (int p = 0; p < geometry.getNumGeometries(); p++) {
                if (!(geometry.getGeometryN(p) instanceof Polygon polygon)) {
                    throw new IllegalArgumentException("grid " + grids[g].code() + " is not a polygon or multipolygon");
                }
                rings.add(polygon.getExteriorRing());
                for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
                    rings.add(polygon.getInteriorRingN(h));
                }
            }
            gridRings[g + 1] = rings.size();
        }
        ringPoints = new int[rings.size() + 1];
        int points = 0;
        for (int r = 0; r < rings.size(); r++) {
            points += rings.get(r).getNumPoints();
            ringPoints[r + 1] = points;
        }
        xy = new double[points * 2];
        int i = 0;
        for (LinearRing ring : rings) {
            for (Coordinate c : ring.getCoordinates()) {
                xy[i++] = c.x;
                xy[i++] = c.y;
            }
        }

        double typicalWidth = median(n, g -> maxX[g] - minX[g]);
        double typicalHeight = median(n, g -> maxY[g] - minY[g]);
        double width = Math.max(bounds.getWidth(), 1e-9);
        double height = Math.max(bounds.getHeight(), 1e-9);
        int cols = n == 0 ? 1 : (int) Math.max(1, Math.min(4096, Math.ceil(width / Math.max(typicalWidth, 1e-9))));
        int rws = n == 0 ? 1 : (int) Math.max(1, Math.min(4096, Math.ceil(height / Math.max(typicalHeight, 1e-9))));
        while ((long) cols * rws > MAX_BUCKETS) {
            cols = Math.max(1, cols / 2);
            rws = Math.max(1, rws / 2);
        }
        columns = cols;
        rows = rws;
        originX = n == 0 ? 0 : bounds.getMinX();
        originY = n == 0 ? 0 : bounds.getMinY();
        bucketsPerX = columns / width;
        bucketsPerY = rows / height;

        int buckets = columns * rows;
        bucketStart = new int[buckets + 1];
        for (int g = 0; g < n; g++) {
            int c0 = column(minX[g]), c1 = column(maxX[g]), r0 = row(minY[g]), r1 = row(maxY[g]);
            for (int r = r0; r <= r1; r++) {
                for (int c = c0; c <= c1; c++) {
                    bucketStart[r * columns + c + 1]++;
                }
            }
        }
        for (int b = 0; b < buckets; b++) {
            bucketStart[b + 1] += bucketStart[b];
        }
        bucketGrids = new int[bucketStart[buckets]];
        int[] fill = Arrays.copyOf(bucketStart, buckets);
        for (int g = 0; g < n; g++) { // ascending g keeps every bucket in result order
            int c0 = column(minX[g]), c1 = column(maxX[g]), r0 = row(minY[g]), r1 = row(maxY[g]);
            for (int r = r0; r <= r1; r++) {
                for (int c = c0; c <= c1; c++) {
                    bucketGrids[fill[r * columns + c]++] = g;
                }
            }
        }
    }

    /**
     * Indexes the grids; geometries must be valid WGS-84 Polygons or MultiPolygons.
     *
     * @param revision the territory revision the grids were read at
     */
    public static GridIndex build(long revision, Collection<IndexedGrid> grids) {
        IndexedGrid[] sorted = grids.toArray(IndexedGrid[]::new);
        Arrays.sort(sorted, Comparator.comparing(IndexedGrid::kind).thenComparing(IndexedGrid::code));
        return new GridIndex(revision, sorted);
    }

    public static GridIndex empty() {
        return EMPTY;
    }

    /** The territory revision this index shows. */
    public long revision() {
        return revision;
    }

    public int size() {
        return grids.length;
    }

    /** The box around all grids; null when empty. */
    public Envelope bounds() {
        return grids.length == 0 ? null : new Envelope(bounds);
    }

    /** All grids containing the WGS-84 point, comprehensive first, then dedicated, each by code. */
    public List<IndexedGrid> gridsAt(double lon, double lat) {
        if (!(lon >= bounds.getMinX() && lon <= bounds.getMaxX() && lat >= bounds.getMinY() && lat <= bounds.getMaxY())) {
            return List.of(); // also NaN and the empty index
        }
        int bucket = row(lat) * columns + column(lon);
        IndexedGrid first = null;
        List<IndexedGrid> more = null;
        for (int k = bucketStart[bucket], end = bucketStart[bucket + 1]; k < end; k++) {
            int g = bucketGrids[k];
            if (lon < minX[g] || lon > maxX[g] || lat < minY[g] || lat > maxY[g] || !contains(g, lon, lat)) {
                continue;
            }
            if (first == null) {
                first = grids[g];
            } else {
                if (more == null) {
                    more = new ArrayList<>(4);
                    more.add(first);
                }
                more.add(grids[g]);
            }
        }
        return first == null ? List.of() : more == null ? List.of(first) : List.copyOf(more);
    }

    /** Where the WGS-84 point lies, empty when it is outside every grid. */
    public Optional<Location> locate(LonLat wgs84) {
        List<IndexedGrid> found = gridsAt(wgs84.lon(), wgs84.lat());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        IndexedGrid first = found.getFirst();
        return Optional.of(new Location(wgs84, found.stream().map(IndexedGrid::grid).toList(),
                first.community(), first.street(), first.district()));
    }

    /** One grid by its code, with its community, street and district. */
    public Optional<IndexedGrid> find(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(byCode.get(code));
    }

    /** The indexed grids in result order (comprehensive first, then by code). */
    public List<IndexedGrid> grids() {
        return List.of(grids);
    }

    private boolean contains(int g, double px, double py) {
        boolean inside = false;
        double[] c = xy;
        for (int r = gridRings[g], lastRing = gridRings[g + 1]; r < lastRing; r++) {
            int end = ringPoints[r + 1] * 2;
            double x1 = c[ringPoints[r] * 2];
            double y1 = c[ringPoints[r] * 2 + 1];
            for (int i = ringPoints[r] * 2 + 2; i < end; i += 2) {
                double x2 = c[i];
                double y2 = c[i + 1];
                if ((y1 > py) != (y2 > py)) {
                    // canonical endpoint order: the grid on the other side of this edge computes the same crossing
                    double crossing = y1 < y2
                            ? x1 + (py - y1) * (x2 - x1) / (y2 - y1)
                            : x2 + (py - y2) * (x1 - x2) / (y1 - y2);
                    if (px < crossing) {
                        inside = !inside;
                    }
                }
                x1 = x2;
                y1 = y2;
            }
        }
        return inside;
    }

    private int column(double x) {
        int c = (int) ((x - originX) * bucketsPerX);
        return c < 0 ? 0 : c >= columns ? columns - 1 : c;
    }

    private int row(double y) {
        int r = (int) ((y - originY) * bucketsPerY);
        return r < 0 ? 0 : r >= rows ? rows - 1 : r;
    }

    private static double median(int n, java.util.function.IntToDoubleFunction value) {
        if (n == 0) {
            return 0;
        }
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = value.applyAsDouble(i);
        }
        Arrays.sort(values);
        return values[n / 2];
    }

    @Override
    public String toString() {
        return "GridIndex[revision " + revision + ", " + grids.length + " grids, " + columns + "x" + rows + " buckets]";
    }
}
