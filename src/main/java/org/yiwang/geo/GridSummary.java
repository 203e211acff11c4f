package org.yiwang.geo;

/** One line of a grid list. */
public record GridSummary(String code, String name, GridKind kind, DedicatedType dedicatedType,
                          String communityCode, String communityName, int households, int population,
                          double areaM2, int workers, int fullTimeWorkers) {
}
