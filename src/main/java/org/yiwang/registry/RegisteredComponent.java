package org.yiwang.registry;

/** 部件: a registered thing of a catalog component category (manhole cover, lamp, …) at a point. */
public record RegisteredComponent(long id, String gridCode, String categoryCode, String categoryName, String identifier, String owner,
                        double lon, double lat) {

    public record Details(String categoryCode, String identifier, String owner, double lon, double lat) {
    }
}
