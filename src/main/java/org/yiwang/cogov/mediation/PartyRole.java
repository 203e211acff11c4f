package org.yiwang.cogov.mediation;

/** A party's side in a dispute. */
public enum PartyRole {
    /** 申请人. */
    APPLICANT,
    /** 被申请人. */
    RESPONDENT,
    /** 其他当事人. */
    OTHER
}
