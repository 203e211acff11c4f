package org.yiwang.geo.internal;

import org.locationtech.jts.geom.Geometry;
import org.yiwang.geo.Division;
import org.yiwang.geo.GridWorker;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an accepted import writes: the file describes {@code communities} completely.
 *
 * @param communityFeatures communities defined by the file, to insert or update
 * @param boundaries boundaries of those community features
 * @param grids every grid of the file
 * @param workers the workers of every grid of the file (possibly none)
 */
public record ImportPlan(Set<String> communities, List<Division> communityFeatures, Map<String, Geometry> boundaries,
                         List<GridRow> grids, Map<String, List<GridWorker>> workers) {
}
