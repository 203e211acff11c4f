package org.yiwang.services;

import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * 一件事 — several items applied for at once (开饭店, 出生, 身后事 …), or a care package (帮办代办服务包) a grid worker
 * applies for on behalf of a care group; {@code careTag} names the registry tag the package suits.
 */
public record Bundle(String code, String name, Kind kind, @Nullable String careTag, List<String> items, String description) {

    public enum Kind { BUNDLE, CARE }

    public Bundle {
        items = List.copyOf(items);
        if (items.size() < 2) {
            throw new IllegalArgumentException("a bundle holds at least two items: " + code);
        }
    }
}
