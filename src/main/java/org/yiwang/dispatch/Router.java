package org.yiwang.dispatch;

import org.springframework.stereotype.Service;
import org.yiwang.catalog.Catalog;
import org.yiwang.catalog.Category;
import org.yiwang.catalog.DutyCandidate;
import org.yiwang.catalog.DutyList;
import org.yiwang.catalog.DutyRouting;
import org.yiwang.people.OrgUnit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * 智能派发 — routes a located, categorised report to its unit: the duty list's candidates in their
 * order (部件先属主后属地、事件先属地后属主; lowest level first: 小事不出社区、大事不出街道), the first
 * candidate that has a unit in this place wins. Where dispatchers have repeatedly corrected the same
 * decision, their choice is used instead. Every decision lists its reasons.
 */
@Service
public class Router {

    private final Catalog catalog;
    private final DutyList dutyList;
    private final Units units;
    private final Corrections corrections;

    Router(Catalog catalog, DutyList dutyList, Units units, Corrections corrections) {
        this.catalog = catalog;
        this.dutyList = dutyList;
        this.units = units;
        this.corrections = corrections;
    }

    public RoutingDecision route(RouteRequest request) {
        List<Reason> reasons = new ArrayList<>();
        reasons.add(Reason.of("LOCATION", "dispatch.reason.location", nullToDash(request.gridCode()),
                nullToDash(request.communityCode()), nullToDash(request.streetCode()), request.districtCode()));
        if (request.categoryCode() == null || request.categoryCode().isBlank()) {
            reasons.add(Reason.of("NEEDS_CATEGORY", "dispatch.reason.needsCategory"));
            return RoutingDecision.unrouted(RoutingDecision.Outcome.NEEDS_CATEGORY, null, reasons);
        }
        Optional<Category> category = catalog.find(request.categoryCode()).filter(Category::enabled);
        if (category.isEmpty()) {
            reasons.add(Reason.of("UNKNOWN_CATEGORY", "dispatch.reason.unknownCategory", request.categoryCode()));
            return RoutingDecision.unrouted(RoutingDecision.Outcome.UNKNOWN_CATEGORY, null, reasons);
        }
        DutyRouting routing = dutyList.candidates(request.categoryCode());
        reasons.add(Reason.of("CATEGORY", "dispatch.reason.category", category.get().code(), category.get().name(),
                routing.principle() == null ? "-" : routing.principle().text(), routing.version()));

        Optional<RoutingDecision> learned = corrections.learned(request, routing, reasons);
        if (learned.isPresent()) {
            return learned.get();
        }
        for (DutyCandidate candidate : routing.candidates()) {
            Optional<Units.Target> target = units.resolve(candidate, request);
            if (target.isEmpty()) {
                reasons.add(Reason.of(candidate.ruleId(), "dispatch.reason.candidateSkipped", candidate.level().name(),
                        candidate.department() == null ? candidate.level().office() : candidate.department().name()));
                continue;
            }
            Units.Target lead = target.get();
            List<Long> assists = new ArrayList<>();
            for (var assisting : candidate.assisting()) {
                units.department(assisting, candidate.level(), request)
                        .map(OrgUnit::id)
                        .filter(id -> id != lead.orgUnit().id() && !assists.contains(id))
                        .ifPresent(assists::add);
            }
            reasons.add(Reason.of(candidate.ruleId(), "dispatch.reason.chosen", candidate.level().name(),
                    lead.orgUnit().name(), candidate.basis().name()));
            if (!assists.isEmpty()) {
                reasons.add(Reason.of(candidate.ruleId(), "dispatch.reason.assists", assists.size()));
            }
            return new RoutingDecision(true, RoutingDecision.Outcome.DUTY_LIST, candidate.level(), lead.orgUnit().id(),
                    lead.orgUnit().name(), lead.userId(), assists, routing.principle(), candidate.ruleId(), reasons);
        }
        reasons.add(Reason.of("NO_RESPONSIBLE_UNIT", "dispatch.reason.noUnit"));
        return RoutingDecision.unrouted(RoutingDecision.Outcome.NO_RESPONSIBLE_UNIT, routing.principle(), reasons);
    }

    /**
     * Every unit the duty list names for this category in this place, whether or not routing would pick
     * it: each candidate's lead unit and its assisting departments. A dispatcher who overrides routing
     * chooses among these (or inside their own territory); unknown or disabled categories name none.
     */
    public java.util.Set<Long> candidateUnits(RouteRequest request) {
        java.util.Set<Long> ids = new java.util.LinkedHashSet<>();
        if (request.categoryCode() == null || catalog.find(request.categoryCode()).filter(Category::enabled).isEmpty()) {
            return ids;
        }
        for (DutyCandidate candidate : dutyList.candidates(request.categoryCode()).candidates()) {
            units.resolve(candidate, request).ifPresent(target -> ids.add(target.orgUnit().id()));
            for (var assisting : candidate.assisting()) {
                units.department(assisting, candidate.level(), request).ifPresent(unit -> ids.add(unit.id()));
            }
        }
        return ids;
    }

    /**
     * Remembers that a dispatcher sent an order elsewhere than routing suggested; repeated, consistent
     * corrections for the same category and street change future routing.
     */
    public void recordCorrection(Correction correction) {
        corrections.record(correction);
    }

    private static String nullToDash(String s) {
        return s == null ? "-" : s;
    }
}
