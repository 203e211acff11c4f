package org.yiwang.geo;

import java.util.Locale;
import java.util.Optional;

/** What a dedicated grid (专属网格) covers. */
public enum DedicatedType {
    /** 企业. */
    ENTERPRISE,
    /** 学校. */
    SCHOOL,
    /** 楼宇 — an office or commercial building. */
    BUILDING,
    /** 园区/公园 — an industrial park or a public park. */
    PARK,
    /** 医院. */
    HOSPITAL,
    /** 商圈/市场. */
    MARKET,
    /** 景区. */
    SCENIC_AREA,
    /** 其他. */
    OTHER;

    public static Optional<DedicatedType> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String key = text.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (DedicatedType type : values()) {
            if (type.name().equals(key)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
