package org.yiwang.dispatch;

import org.springframework.beans.factory.annotation.Value;
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

    Corrections(JdbcClient jdbc, Organization organization, @Value("${yiwang.dispatch.learn-after:3}") int threshold) {
        this.jdbc = jdbc;
        this.organization = organization;
        this.threshold = threshold;
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
    }

    Optional<RoutingDecision> learned(RouteRequest request, DutyRouting routing, List<Reason> reasons) {
        if (request.streetCode() == null || threshold < 1) {
            return Optional.empty();
        }
        List<Long> recent = jdbc.sql("""
                        select chosen_org_unit_id from dispatch_correction
                        where district_code = :district and street_code = :street and category_code = :category
                        order by id desc limit :n
                        """)
                .param("district", request.districtCode()).param("street", request.streetCode())
                .param("category", request.categoryCode()).param("n", threshold)
                .query(Long.class).list();
        if (recent.size() < threshold || recent.stream().distinct().count() != 1) {
            return Optional.empty();
        }
        Optional<OrgUnit> unit = organization.find(recent.getFirst()).filter(OrgUnit::enabled);
        if (unit.isEmpty()) {
            return Optional.empty();
        }
        List<Reason> all = new java.util.ArrayList<>(reasons);
        all.add(Reason.of("LEARNED", "dispatch.reason.learned", threshold, unit.get().name()));
        return Optional.of(new RoutingDecision(true, RoutingDecision.Outcome.LEARNED, null, unit.get().id(), unit.get().name(),
                null, List.of(), routing.principle(), "LEARNED", all));
    }
}
