package org.yiwang.geo;

import java.util.Objects;

/**
 * An administrative division (区划): the city, a district, a street (街道) or a community (社区).
 *
 * @param parentCode the division above, null for the province
 */
public record Division(String code, String name, DivisionLevel level, String parentCode) {

    public Division {
        Objects.requireNonNull(level, "level");
        if (!level.accepts(code)) {
            throw new IllegalArgumentException("not a " + level + " code: " + code);
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("division " + code + " needs a name");
        }
    }

    public DivisionRef ref() {
        return new DivisionRef(code, name);
    }
}
