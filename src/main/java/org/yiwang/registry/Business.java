package org.yiwang.registry;

import org.yiwang.registry.Kinds.Risk;

/** 法人/商户: credit code, licences, contact (masked when shown), risk level, at a point in a grid. */
public record Business(long id, String gridCode, String name, String creditCode, String licences, String contactName,
                       String contactPhone, Risk risk, String address, double lon, double lat) {

    /** @param buildingId the building it is in, null when none is registered */
    public record Details(String name, String creditCode, String licences, String contactName, String contactPhone,
                          Risk risk, String address, double lon, double lat, Long buildingId) {
    }
}
