package org.yiwang.fieldwork;

import org.jspecify.annotations.Nullable;
import org.yiwang.geo.LonLat;

import java.time.Instant;
import java.util.Objects;

/**
 * One position of a patrol's track (轨迹点), WGS-84, as the phone measured it.
 *
 * @param seq      the phone's number for the point within its patrol (1, 2, 3 …): the point's identity, so
 *                 that a batch sent twice stores each point once
 * @param accuracy the radius of the phone's uncertainty in metres, if it said
 */
public record TrackPoint(int seq, Instant at, double lat, double lon, @Nullable Float accuracy) {

    public TrackPoint {
        Objects.requireNonNull(at, "at");
        if (seq < 1) {
            throw new IllegalArgumentException("seq must be ≥ 1: " + seq);
        }
        if (!LonLat.isLatitude(lat) || !LonLat.isLongitude(lon)) {
            throw new IllegalArgumentException("not a position: " + lat + ", " + lon);
        }
        if (accuracy != null && !(accuracy >= 0 && accuracy < 100_000)) {
            throw new IllegalArgumentException("accuracy must be 0 to 100000 m: " + accuracy);
        }
    }

    public LonLat position() {
        return new LonLat(lon, lat);
    }
}
