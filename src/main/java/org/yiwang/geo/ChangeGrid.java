package org.yiwang.geo;

/**
 * Changes a grid's descriptive facts; null leaves a fact as it is. Geometry changes go through a
 * GeoJSON import so that the tiling rules are checked.
 */
public record ChangeGrid(String code, String name, Integer households, Integer population, DedicatedType dedicatedType) {

    public static final int MAX_NAME_LENGTH = 100;

    public ChangeGrid {
        if (name != null) {
            name = name.strip();
            if (name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
                throw new IllegalArgumentException("name must have 1.." + MAX_NAME_LENGTH + " characters");
            }
        }
        if (households != null && households < 0) {
            throw new IllegalArgumentException("households must not be negative");
        }
        if (population != null && population < 0) {
            throw new IllegalArgumentException("population must not be negative");
        }
    }
}
