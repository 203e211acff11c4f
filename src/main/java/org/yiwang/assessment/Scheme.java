package org.yiwang.assessment;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * A scoring scheme (考核方案): a weight per indicator; a unit's score is the weighted mean of its
 * indicator scores (the rate in per cent, or 100 − it for those where lower is better) over the
 * indicators it has a figure for. Every change is a new version; the newest applies.
 */
public record Scheme(int version, Map<Indicator, Integer> weights, String note, long createdBy, Instant createdAt) {

    public static final int MAX_WEIGHT = 100;

    public Scheme {
        EnumMap<Indicator, Integer> all = new EnumMap<>(Indicator.class);
        for (Indicator indicator : Indicator.values()) {
            all.put(indicator, weights.getOrDefault(indicator, 0));
        }
        weights = java.util.Collections.unmodifiableMap(all);
    }

    public int weight(Indicator indicator) {
        return weights.get(indicator);
    }
}
