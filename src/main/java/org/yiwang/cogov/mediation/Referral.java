package org.yiwang.cogov.mediation;

/** Where a failed mediation goes (调解不成的去向). */
public enum Referral {
    /** 信访部门. */
    PETITION,
    /** 引导诉讼 (法院). */
    COURT,
    /** 公安机关. */
    POLICE,
    /** 劳动人事争议仲裁. */
    ARBITRATION,
    /** 职能部门. */
    DEPARTMENT
}
