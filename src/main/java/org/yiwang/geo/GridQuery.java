package org.yiwang.geo;

/**
 * Which grids to list: all in the caller's scope, optionally only one community, street or kind.
 *
 * @param page zero-based page number
 * @param size grids per page, 1 to {@value #MAX_SIZE}
 */
public record GridQuery(String communityCode, String streetCode, GridKind kind, int page, int size) {

    public static final int MAX_SIZE = 500;

    public GridQuery {
        if (page < 0) {
            throw new IllegalArgumentException("page must not be negative: " + page);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size must be within 1.." + MAX_SIZE + ": " + size);
        }
    }

    public long offset() {
        return (long) page * size;
    }
}
