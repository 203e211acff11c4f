package org.yiwang.geo;

/**
 * A grid named by code, name and kind.
 *
 * @param dedicatedType what a dedicated grid covers, null for comprehensive grids
 */
public record GridRef(String code, String name, GridKind kind, DedicatedType dedicatedType) {
}
