package org.yiwang.cogov.council;

/** A member's vote: 赞成, 反对, 弃权. */
public enum VoteChoice {
    FOR, AGAINST, ABSTAIN
}
