package org.yiwang.geo.internal;

import org.locationtech.jts.geom.Geometry;
import org.yiwang.geo.DedicatedType;
import org.yiwang.geo.GridKind;

/** A grid as written to {@code geo_grid}, from an import or the generator. */
public record GridRow(String code, String name, GridKind kind, DedicatedType dedicatedType, String communityCode,
                      int households, int population, Geometry geometry) {
}
