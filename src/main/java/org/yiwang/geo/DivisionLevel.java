package org.yiwang.geo;

import java.util.regex.Pattern;

/**
 * The levels of the statistical division code (统计用区划代码): province and city and district use
 * six digits, a street (街道/乡镇) nine, a community (社区/村) twelve.
 */
public enum DivisionLevel {
    /** 省. */
    PROVINCE("\\d{2}0000"),
    /** 市. */
    CITY("\\d{4}00"),
    /** 区/县. */
    DISTRICT("\\d{6}"),
    /** 街道/乡镇. */
    STREET("\\d{9}"),
    /** 社区/村 — the last three digits are never 000 (that would be the street itself). */
    COMMUNITY("\\d{9}(?!000)\\d{3}");

    private final Pattern format;

    DivisionLevel(String format) {
        this.format = Pattern.compile(format);
    }

    /** Whether {@code code} is well formed for a division of this level. */
    public boolean accepts(String code) {
        return code != null && format.matcher(code).matches();
    }

    /** The level below, or null for communities (grids hang below them). */
    public DivisionLevel child() {
        return this == COMMUNITY ? null : values()[ordinal() + 1];
    }
}
