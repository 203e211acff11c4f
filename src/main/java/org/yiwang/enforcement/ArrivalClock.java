package org.yiwang.enforcement;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.notify.Notice;
import org.yiwang.notify.Notifications;
import org.yiwang.people.OrgUnit;
import org.yiwang.people.Organization;
import org.yiwang.people.People;
import org.yiwang.people.UserSummary;
import org.yiwang.platform.Actor;
import org.yiwang.platform.Role;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The arrival clock's escalation: a summoned department that has not arrived when its time is up is escalated
 * once — to the street's command centre and the lead team, with a history step and a ledger record. "Once"
 * holds with several nodes: the row is claimed by a conditional UPDATE ({@code escalated_at IS NULL}).
 */
@Component
class ArrivalClock {

    private final JdbcClient jdbc;
    private final Cases cases;
    private final Organization organization;
    private final People people;
    private final Notifications notifications;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ArrivalClock(JdbcClient jdbc, Cases cases, Organization organization, People people, Notifications notifications,
                 TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.organization = organization;
        this.people = people;
        this.notifications = notifications;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${yiwang.enforcement.arrival-scan:30s}", fixedDelayString = "${yiwang.enforcement.arrival-scan:30s}")
    void scan() {
        escalateLate();
    }

    /** Escalates every summons that is late now; returns how many. */
    int escalateLate() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Integer count = transactions.execute(tx -> {
            record Late(long caseId, long departmentId, String departmentName, String number, String streetCode, long lead, String title) {
            }
            List<Late> late = jdbc.sql("""
                            UPDATE enforcement_summons s SET escalated_at = :now
                              FROM enforcement_case c
                             WHERE c.id = s.case_id AND s.arrived_at IS NULL AND s.escalated_at IS NULL AND s.due_at < :now
                               AND c.stage IN ('FILED', 'INVESTIGATING')
                            RETURNING s.case_id, s.department_id, s.department_name, c.number, c.street_code, c.lead_department_id, c.title, c.stage""")
                    .param("now", Cases.ts(now))
                    .query((rs, n) -> new Late(rs.getLong("case_id"), rs.getLong("department_id"), rs.getString("department_name"),
                            rs.getString("number"), rs.getString("street_code"), rs.getLong("lead_department_id"), rs.getString("title")))
                    .list();
            for (Late l : late) {
                Stage stage = cases.load(l.caseId()).orElseThrow().stage();
                cases.history(l.caseId(), now, Actor.system(), "ESCALATE", stage, stage, l.departmentName() + " 未按时到场");
                Map<String, Object> facts = new LinkedHashMap<>();
                facts.put("number", l.number());
                facts.put("department", l.departmentId());
                cases.ledger(l.number(), l.streetCode(), "ARRIVAL_LATE", now, Actor.system(), facts);
                Set<Long> to = new HashSet<>();
                organization.officeOf(l.streetCode()).map(OrgUnit::id)
                        .ifPresent(office -> people.membersOf(office, Role.DISPATCHER).forEach(u -> to.add(u.id())));
                people.membersOf(l.lead(), Role.HANDLER).stream().map(UserSummary::id).forEach(to::add);
                if (!to.isEmpty()) {
                    notifications.notify(Notice.to(to, "enforcement.notice.late", l.number(), l.departmentName(), l.title())
                            .withLink("/enforcement/cases/" + l.caseId()).withDedupKey("enforcement-late:" + l.caseId() + ":" + l.departmentId()));
                }
            }
            return late.size();
        });
        return count == null ? 0 : count;
    }
}
