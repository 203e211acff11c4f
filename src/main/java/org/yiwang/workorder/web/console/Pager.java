package org.yiwang.workorder.web.console;

import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Pagination of a list screen: where we are and the links to the neighbouring pages, keeping every
 * filter of the current request.
 *
 * @param page zero-based
 */
record Pager(int page, int size, long total, int totalPages, String previous, String next) {

    static Pager of(int page, int size, long total) {
        int pages = (int) ((total + size - 1) / size);
        return new Pager(page, size, total, pages,
                page > 0 ? link(page - 1) : null,
                page + 1 < pages ? link(page + 1) : null);
    }

    private static String link(int page) {
        return ServletUriComponentsBuilder.fromCurrentRequest()
                .replaceQueryParam("page", page)
                .replaceQueryParam("lang")
                .build().toUriString()
                .replaceFirst("^[a-z]+://[^/]+", "");
    }

    /** One-based number of the first row shown, 0 when there are none. */
    public long from() {
        return total == 0 ? 0 : (long) page * size + 1;
    }

    public long to() {
        return Math.min(total, (long) (page + 1) * size);
    }
}
