package org.yiwang.workorder;

/**
 * The time-limit light of an order's current stage: green below 80 % of the limit used, yellow from
 * 80 % up to 100 %, red past the limit.
 */
public enum TrafficLight {
    GREEN, YELLOW, RED, NONE;

    public static final double YELLOW_FROM = 0.8;

    public static TrafficLight of(double usedFraction) {
        if (Double.isNaN(usedFraction)) {
            return NONE;
        }
        if (usedFraction > 1.0) {
            return RED;
        }
        return usedFraction >= YELLOW_FROM ? YELLOW : GREEN;
    }
}
