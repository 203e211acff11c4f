package org.yiwang.geo.internal;

import org.yiwang.geo.ImportProblem;

import java.util.List;

/**
 * An import file as read: its features and what was wrong with reading them.
 *
 * @param readable false when the file is not a GeoJSON FeatureCollection at all
 */
public record ParsedFile(boolean readable, int featureCount, List<ParsedFeature> features, List<ImportProblem> problems) {

    public ParsedFile {
        features = List.copyOf(features);
        problems = List.copyOf(problems);
    }
}
