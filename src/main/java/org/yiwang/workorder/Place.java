package org.yiwang.workorder;

import org.jspecify.annotations.Nullable;
import java.util.Objects;

/**
 * Where the problem is: the WGS-84 point and the grid, community, street and district it lies in.
 * The district code travels with every order (it is the distribution key of the large tables).
 */
public record Place(double lat, double lon, @Nullable String gridCode, @Nullable String communityCode, @Nullable String streetCode, String districtCode) {

    public Place {
        if (!(lat >= -90 && lat <= 90) || !(lon >= -180 && lon <= 180)) {
            throw new IllegalArgumentException("coordinates out of range: " + lat + "," + lon);
        }
        Objects.requireNonNull(districtCode, "districtCode");
    }
}
