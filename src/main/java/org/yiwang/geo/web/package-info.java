/**
 * Geography's JSON API under {@code /api/geo}: locate a point, the division tree, grids (list, detail,
 * GeoJSON export and import, changes).
 */
@org.jspecify.annotations.NullMarked
package org.yiwang.geo.web;
