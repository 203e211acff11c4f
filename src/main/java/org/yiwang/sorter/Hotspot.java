package org.yiwang.sorter;

import java.time.Instant;
import java.util.List;

/**
 * 热点 — a cluster of reports of one category in one grid within the configured window, with its orders.
 *
 * @param status OPEN while reports keep coming within the window, ENDED after
 * @param residentsAffected the reporters of its orders plus the residents who supported them (附议)
 */
public record Hotspot(long id, String districtCode, String streetCode, String gridCode, String categoryCode,
                      String categoryName, String status, Instant firstAt, Instant lastAt, int orderCount,
                      Instant detectedAt, List<OrderRef> orders, int residentsAffected) {
}
