package org.yiwang.registry;

/** 楼栋: a building at a point, in the grid that point lies in. */
public record Building(long id, String gridCode, String name, String address, double lon, double lat, int floors) {

    /** What a building is made of before it has an id and a grid. */
    public record Details(String name, String address, double lon, double lat, int floors) {
    }
}
