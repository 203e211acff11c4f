package org.yiwang.dispatch;

import java.util.Objects;

/** What routing needs to know about a report: its category and where it is. */
public record RouteRequest(String categoryCode, String gridCode, String communityCode, String streetCode, String districtCode) {

    public RouteRequest {
        Objects.requireNonNull(districtCode, "districtCode");
    }
}
