package org.yiwang.dispatch;

import org.yiwang.catalog.DutyLevel;
import org.yiwang.catalog.RoutingPrinciple;

import java.util.List;

/**
 * Where a report should go and why. When {@code routed} is false a dispatcher decides, helped by
 * the reasons (e.g. no category yet, or no unit found for any duty-list candidate).
 *
 * @param orgUnitId the lead unit (department or a division's office)
 * @param userId a named person for grid-level matters (the grid's full-time worker), else null
 * @param assistOrgUnitIds units of a joint handling (联合处置)
 */
public record RoutingDecision(boolean routed, Outcome outcome, DutyLevel level, Long orgUnitId, String orgUnitName,
                              Long userId, List<Long> assistOrgUnitIds, RoutingPrinciple principle, String ruleId,
                              List<Reason> reasons) {

    public RoutingDecision {
        assistOrgUnitIds = List.copyOf(assistOrgUnitIds);
        reasons = List.copyOf(reasons);
    }

    /** Why the decision came out as it did. */
    public enum Outcome {
        /** Routed by the duty list. */
        DUTY_LIST,
        /** Routed where dispatchers repeatedly corrected the duty list to. */
        LEARNED,
        /** No category: a dispatcher must choose one (待分类). */
        NEEDS_CATEGORY,
        /** The category is unknown or disabled. */
        UNKNOWN_CATEGORY,
        /** No duty-list candidate has a unit in this place. */
        NO_RESPONSIBLE_UNIT
    }

    static RoutingDecision unrouted(Outcome outcome, RoutingPrinciple principle, List<Reason> reasons) {
        return new RoutingDecision(false, outcome, null, null, null, null, List.of(), principle, null, reasons);
    }
}
