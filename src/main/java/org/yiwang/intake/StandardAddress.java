package org.yiwang.intake;

import java.time.Instant;

/**
 * 标准地址 — one entry of the local standard-address table: a door-plate or building address with its
 * WGS-84 point and the grid the point lay in when it was imported.
 *
 * @param code the address code of the address repository (地址编码); Open311's {@code address_id}
 */
public record StandardAddress(String code, String address, double lat, double lon, String gridCode, String districtCode,
                              Instant updatedAt) {

    public static final int MAX_CODE = 64;
}
