package org.yiwang.registry;

import java.time.Period;

/**
 * A person's tag: a care group (关爱对象) with how often a grid worker visits, or a 综治 special group
 * (重点人群) that only the roles of {@code yiwang.registry.special-group-roles} may see.
 */
public enum PersonTag {
    /** 独居老人 */
    LIVING_ALONE_ELDERLY(Group.CARE, Period.ofWeeks(1)),
    /** 空巢老人 */
    EMPTY_NEST_ELDERLY(Group.CARE, Period.ofWeeks(2)),
    /** 高龄老人 (80+) */
    ADVANCED_AGE(Group.CARE, Period.ofMonths(1)),
    /** 残疾人 */
    DISABLED(Group.CARE, Period.ofMonths(1)),
    /** 低保对象 */
    SUBSISTENCE_ALLOWANCE(Group.CARE, Period.ofMonths(1)),
    /** 特困人员 */
    EXTREME_POVERTY(Group.CARE, Period.ofWeeks(2)),
    /** 困境儿童 */
    CHILD_IN_DIFFICULTY(Group.CARE, Period.ofWeeks(2)),
    /** 退役军人 */
    VETERAN(Group.CARE, Period.ofMonths(3)),
    /** 社区矫正对象 */
    COMMUNITY_CORRECTION(Group.SPECIAL, Period.ofWeeks(1)),
    /** 刑满释放人员 */
    RELEASED_PRISONER(Group.SPECIAL, Period.ofMonths(1)),
    /** 严重精神障碍患者 */
    SEVERE_MENTAL_DISORDER(Group.SPECIAL, Period.ofWeeks(2)),
    /** 吸毒人员 */
    DRUG_USER(Group.SPECIAL, Period.ofMonths(1)),
    /** 重点信访人员 */
    KEY_PETITIONER(Group.SPECIAL, Period.ofMonths(1));

    /** Care (关爱对象) or 综治 special group (特殊人群, stricter access). */
    public enum Group { CARE, SPECIAL }

    private final Group group;
    private final Period visitEvery;

    PersonTag(Group group, Period visitEvery) {
        this.group = group;
        this.visitEvery = visitEvery;
    }

    public Group group() {
        return group;
    }

    public boolean special() {
        return group == Group.SPECIAL;
    }

    /** How often a grid worker visits a person with this tag. */
    public Period visitEvery() {
        return visitEvery;
    }

    static PersonTag parse(String field, String value) {
        try {
            return valueOf(value.strip().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw RegistryException.invalid(field, "registry.invalid.tag", value);
        }
    }
}
