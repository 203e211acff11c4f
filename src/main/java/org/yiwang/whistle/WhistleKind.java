package org.yiwang.whistle;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The kinds of whistle a street may blow; each has its own report-in limit. */
public enum WhistleKind {
    /** 日常哨 — everyday matters that need a department on site. */
    ROUTINE,
    /** 攻坚哨 — a hard, long-standing problem that needs several departments at once. */
    TOUGH,
    /** 应急哨 — an emergency: departments must turn up within minutes, around the clock. */
    EMERGENCY;

    /** The kind named by {@code text} in any case, empty when none is. */
    public static Optional<WhistleKind> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String name = text.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(k -> k.name().equals(name)).findFirst();
    }
}
