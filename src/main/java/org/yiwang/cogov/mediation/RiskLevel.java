package org.yiwang.cogov.mediation;

/** 风险等级 of a dispute: how likely it is to turn into 信访 or 民转刑. */
public enum RiskLevel {
    LOW, MEDIUM, HIGH;

    public boolean atLeast(RiskLevel other) {
        return compareTo(other) >= 0;
    }
}
