package org.yiwang.geo;

import java.util.List;

/** A page of grids. */
public record GridPage(List<GridSummary> content, int page, int size, long totalElements) {

    public GridPage {
        content = List.copyOf(content);
    }

    public long totalPages() {
        return (totalElements + size - 1) / size;
    }
}
