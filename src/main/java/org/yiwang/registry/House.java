package org.yiwang.registry;

import org.yiwang.registry.Kinds.HouseUse;
import org.yiwang.registry.Kinds.Occupancy;

import java.math.BigDecimal;

/** 房屋: a unit or room of a building, its use and whether it is owner-occupied, rented or vacant. */
public record House(long id, long buildingId, String gridCode, String room, HouseUse use, Occupancy occupancy, BigDecimal areaM2) {

    /** @param areaM2 null when unknown */
    public record Details(long buildingId, String room, HouseUse use, Occupancy occupancy, BigDecimal areaM2) {
    }
}
