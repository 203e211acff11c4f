package org.yiwang.services;

/** Where a service item is accepted or approved: the street's 便民服务中心 or a community's 便民服务站. */
public enum Level {
    STREET, COMMUNITY;

    /** The level of an office by its division code: 9 digits (or 12 ending in 000) a street, 12 a community. */
    public static @org.jspecify.annotations.Nullable Level ofDivision(String code) {
        if (code.length() == 9 || (code.length() == 12 && code.endsWith("000") && !code.endsWith("000000"))) {
            return STREET;
        }
        if (code.length() == 12 && !code.endsWith("000")) {
            return COMMUNITY;
        }
        return null;
    }
}
