package org.yiwang.registry;

import org.yiwang.registry.Kinds.HouseUse;
import org.yiwang.registry.Kinds.Occupancy;

import java.math.BigDecimal;

/** A house or room (房屋) of a building as typed. */
public record HouseForm(Long buildingId, String room, String use, String occupancy, String areaM2) {

    public House.Details details() {
        if (buildingId == null) {
            throw RegistryException.invalid("buildingId", "registry.invalid.required");
        }
        return new House.Details(buildingId, Fields.required("room", room, 40), Kinds.parse(HouseUse.class, "use", use),
                Kinds.parse(Occupancy.class, "occupancy", occupancy), Fields.area("areaM2", areaM2));
    }
}
