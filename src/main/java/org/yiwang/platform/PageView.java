package org.yiwang.platform;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a JSON list answer: the rows, the page number (from 0), the page size, and the totals.
 *
 * @param <T> the row's record
 */
public record PageView<T>(List<T> content, int page, int size, long totalElements, long totalPages) {

    public PageView {
        content = List.copyOf(content);
    }

    /** A page of {@code size} rows out of {@code totalElements}; the page count rounds up. */
    public static <T> PageView<T> of(List<T> content, int page, int size, long totalElements) {
        return new PageView<>(content, page, size, totalElements, size < 1 ? 0 : (totalElements + size - 1) / size);
    }

    /** The same page with each row turned into another record. */
    public <R> PageView<R> map(Function<? super T, ? extends R> row) {
        return new PageView<>(content.stream().<R>map(row).toList(), page, size, totalElements, totalPages);
    }
}
