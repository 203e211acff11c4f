package org.yiwang.catalog;

import java.util.List;

/**
 * The duty list's answer for one category: the candidates in the order routing should try them, the
 * principle that ordered them, and the rules they come from. Routing takes the first candidate that
 * can handle the case and records {@link #ruleIds()} as its reason.
 *
 * @param version the duty-list version consulted, 0 when no version is active
 * @param candidates in order; empty when the active duty list has no entry for the category, in which
 *                   case the case goes to a human dispatcher
 */
public record DutyRouting(String categoryCode, int version, RoutingPrinciple principle, List<DutyCandidate> candidates) {

    public DutyRouting {
        candidates = List.copyOf(candidates);
    }

    public List<String> ruleIds() {
        return candidates.stream().map(DutyCandidate::ruleId).toList();
    }

    public boolean isEmpty() {
        return candidates.isEmpty();
    }
}
