package org.yiwang.catalog;

import java.util.Optional;

/** What a calendar entry makes of its date, whatever weekday it is. */
public enum DayKind {
    /** 法定节假日 / 调休放假 — a day off, even on a weekday. */
    HOLIDAY,
    /** 调休上班 — a working day, even on a weekend (make-up working day). */
    MAKEUP_WORKDAY;

    public static Optional<DayKind> parse(String text) {
        return Enums.parse(DayKind.class, text);
    }
}
