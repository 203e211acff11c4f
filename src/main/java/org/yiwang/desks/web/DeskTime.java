package org.yiwang.desks.web;

import org.yiwang.catalog.WorkingCalendar;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

/** Times as the desks show them: minutes, China Standard Time. */
final class DeskTime {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(WorkingCalendar.ZONE);

    private DeskTime() {
    }

    static String format(Instant at) {
        return at == null ? "" : MINUTES.format(at);
    }
}
