package org.yiwang.people.account;

import java.util.List;

/** One page of a longer list. {@code page} counts from 0. */
public record PageOf<T>(List<T> items, int page, int size, long total, int totalPages) {

    public static final int MAX_SIZE = 200;

    public PageOf(List<T> items, int page, int size, long total) {
        this(List.copyOf(items), page, size, total, size == 0 ? 0 : (int) ((total + size - 1) / size));
    }
}
