package org.yiwang.dispatch;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yiwang.catalog.DutyRouting;
import org.yiwang.people.OrgUnit;
import org.yiwang.people.Organization;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

/**
 * Dispatchers' corrections of routing (派单纠错), and what routing learns from them: when the last
 * {@code threshold} corrections for one category in one street all chose the same unit, that unit
 * is used for the next report of the kind, with the corrections as the reason.
 */
@Component
class Corrections {

    private final JdbcClient jdbc;
    private final Organization organization;
    private final int threshold;
    /** Routing runs on every intake: corrections are read at most every 30 s per street and category on each node. */
    private static final long CACHE_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
    private final java.util.concurrent.ConcurrentHashMap<String, Learned> learned = new java.util.concurrent.ConcurrentHashMap<>();

    Corrections(JdbcClient jdbc, Organization organization, DispatchProperties settings) {
        this.jdbc = jdbc;
        this.organization = organization;
        this.threshold = settings.learnAfter();
    }

    @Transactional
    void record(Correction c) {
        jdbc.sql("""
                insert into dispatch_correction (order_id, district_code, street_code, category_code, suggested_org_unit_id,
                    chosen_org_unit_id, dispatcher_user_id, at, reason)
                values (:order, :district, :street, :category, :suggested, :chosen, :dispatcher, :at, :reason)
                """)
                .param("order", c.orderId()).param("district", c.districtCode()).param("street", c.streetCode())
                .param("category", c.categoryCode()).param("suggested", c.suggestedOrgUnitId())
                .param("chosen", c.chosenOrgUnitId()).param("dispatcher", c.dispatcherUserId())
                .param("at", Timestamp.from(c.at())).param("reason", c.reason())
                .update();
        learned.remove(c.districtCode() + "|" + c.streetCode() + "|" + c.categoryCode());
    }

    Optional<RoutingDecision> learned(RouteRequest request, DutyRouting routing, List<Reason> reasons) {
        if (request.streetCode() == null || threshold < 1) {
            return Optional.empty();
        }
        String key = request.districtCode() + "|" + request.streetCode() + "|" + request.categoryCode();
        long now = System.nanoTime();
        Learned known = learned.get(key);
        if (known == null || now - known.loadedAt() > CACHE_NANOS) {
            known = new Learned(consistentChoice(request), now);
            learned.put(key, known);
        }
        if (known.unitId() == null) {
            return Optional.empty();
        }
        Optional<OrgUnit> unit = organization.find(known.unitId()).filter(OrgUnit::enabled);
        if (unit.isEmpty()) {
            return Optional.empty();
        }
        List<Reason> all = new java.util.ArrayList<>(reasons);
        all.add(Reason.of("LEARNED", "dispatch.reason.learned", threshold, unit.get().name()));
        return Optional.of(new RoutingDecision(true, RoutingDecision.Outcome.LEARNED, null, unit.get().id(), unit.get().name(),
                null, List.of(), routing.principle(), "LEARNED", all));
    }

    /** The unit the last {@code threshold} corrections all chose, or null. */
    private Long consistentChoice(RouteRequest request) {
        List<Long> recent = jdbc.sql("""
                        select chosen_org_unit_id from dispatch_correction
                        where district_code = :district and street_code = :street and category_code = :category
                        order by id desc limit :n
                        """)
                .param("district", request.districtCode()).param("street", request.streetCode())
                .param("category", request.categoryCode()).param("n", threshold)
                .query(Long.class).list();
        return recent.size() < threshold || recent.stream().distinct().count() != 1 ? null : recent.getFirst();
    }

    /** What the corrections of one (street, category) say, as of {@code loadedAt} (System.nanoTime). */
    private record Learned(Long unitId, long loadedAt) {
    }
}
