package org.yiwang.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * No single bad row may take down a list, a map or a page: each row is shown through {@code full}; a
 * row that fails there (a value no computation expected) is logged with its id and shown through
 * {@code degraded} — the few facts that cannot fail — instead of turning the whole answer into a 500.
 */
public final class RowGuard {

    private static final Logger log = LoggerFactory.getLogger(RowGuard.class);

    private RowGuard() {
    }

    public static <T, R> List<R> each(String what, List<T> rows, Function<T, Object> id, Function<T, R> full, Function<T, R> degraded) {
        List<R> shown = new ArrayList<>(rows.size());
        for (T row : rows) {
            shown.add(one(what, row, id, full, degraded));
        }
        return shown;
    }

    public static <T, R> R one(String what, T row, Function<T, Object> id, Function<T, R> full, Function<T, R> degraded) {
        try {
            return full.apply(row);
        } catch (RuntimeException e) {
            log.warn("{} {} shown degraded: {}", what, id.apply(row), e.toString());
            return degraded.apply(row);
        }
    }
}
