package org.yiwang.geo;

/** A grid worker was assigned to a grid or taken off it. */
public record GridWorkersChanged(String gridCode, long userId, boolean assigned) {
}
