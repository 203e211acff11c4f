/**
 * Geography owns the administrative divisions down to communities (社区), the grids (网格) that tile
 * them, who works which grid, and which grid a point lies in.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "Geography", allowedDependencies = {"platform"})
package org.yiwang.geo;
