package org.yiwang.registry;

import java.util.Locale;

/** The closed lists of the registers, with their parsing that names the field at fault. */
public final class Kinds {

    private Kinds() {
    }

    /** 性别 */
    public enum Gender { MALE, FEMALE }

    /** 人口类型: 户籍人口, 流动人口, 境外人员. */
    public enum Residence { REGISTERED, FLOATING, FOREIGN }

    /** 与户主关系 */
    public enum Relation { HOUSEHOLDER, SPOUSE, CHILD, PARENT, GRANDCHILD, SIBLING, TENANT, OTHER }

    /** 居住状态: 在住, 外出, 迁出, 死亡. */
    public enum Living { PRESENT, AWAY, MOVED_OUT, DECEASED }

    /** 房屋用途 */
    public enum HouseUse { RESIDENTIAL, COMMERCIAL, OFFICE, MIXED, OTHER }

    /** 房屋状态: 自住, 出租, 空置. */
    public enum Occupancy { OWNER_OCCUPIED, RENTED, VACANT }

    /** 风险等级 of a business. */
    public enum Risk { LOW, MEDIUM, HIGH }

    static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        if (value == null || value.isBlank()) {
            throw RegistryException.invalid(field, "registry.invalid.required");
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw RegistryException.invalid(field, "registry.invalid.choice", value);
        }
    }
}
