package org.yiwang.whistle;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.ledger.Ledger;
import org.yiwang.platform.Actor;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The overdue scan: every summoned department that has not reported in when the whistle's limit passes
 * is reminded once — with a ledger record and a {@link WhistleEvent.DepartmentOverdue} for the notices.
 * "Once" holds with any number of nodes scanning at the same time: a reminder is claimed by a conditional
 * UPDATE of its own row ({@code reminded_at IS NULL}), rows another node is claiming are skipped
 * ({@code SKIP LOCKED}), and the ledger record and event commit with the claim or not at all.
 */
@Component
class OverdueReminders {

    /** Claims up to :batch reminders that are due; returns what the notices need. */
    static final String CLAIM = """
            UPDATE whistle_summons s
               SET reminded_at = :now
              FROM whistle w
             WHERE w.id = s.whistle_id
               AND (s.whistle_id, s.department_id) IN (
                     SELECT whistle_id, department_id FROM whistle_summons
                      WHERE state = 'PENDING' AND reminded_at IS NULL AND due_at < :now
                      ORDER BY due_at
                      LIMIT :batch
                      FOR UPDATE SKIP LOCKED)
               AND s.state = 'PENDING' AND s.reminded_at IS NULL
            RETURNING s.whistle_id, s.department_id, s.department_name, s.due_at, w.number, w.order_id, w.order_number,
                      w.district_code, w.street_code, w.blown_by""";

    /** At most this many batches per scan, so that one scan never runs unbounded; the next scan continues. */
    private static final int MAX_BATCHES = 50;

    private final JdbcClient jdbc;
    private final Ledger ledger;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final WhistleConfiguration.WhistleProperties properties;
    private final Clock clock;

    OverdueReminders(JdbcClient jdbc, Ledger ledger, ApplicationEventPublisher events, TransactionTemplate transactions,
                     WhistleConfiguration.WhistleProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.events = events;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    /** Reminds every department that is overdue now; returns how many this call reminded. */
    int remindOverdue() {
        return remindOverdue(clock.instant().truncatedTo(ChronoUnit.MICROS));
    }

    int remindOverdue(Instant now) {
        int total = 0;
        for (int round = 0; round < MAX_BATCHES; round++) {
            Integer sent = transactions.execute(status -> remindBatch(now));
            int count = sent == null ? 0 : sent;
            total += count;
            if (count < properties.overdueScanBatch()) {
                break;
            }
        }
        return total;
    }

    private int remindBatch(Instant now) {
        List<Claimed> claimed = jdbc.sql(CLAIM)
                .param("now", Whistles.at(now))
                .param("batch", properties.overdueScanBatch())
                .query((rs, row) -> new Claimed(rs.getLong("whistle_id"), rs.getString("number"), rs.getLong("order_id"),
                        rs.getString("order_number"), rs.getString("district_code"), rs.getString("street_code"),
                        rs.getLong("department_id"), rs.getString("department_name"), Whistles.instant(rs, "due_at"),
                        rs.getLong("blown_by")))
                .list();
        for (Claimed c : claimed) {
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("department", c.departmentId());
            facts.put("departmentName", c.departmentName());
            facts.put("dueAt", c.dueAt().toString());
            ledger.append(WhistleJournal.record(c.number(), c.orderNumber(), c.streetCode(), "OVERDUE_REMINDED", now,
                    Actor.SYSTEM_USER_ID, facts));
            events.publishEvent(new WhistleEvent.DepartmentOverdue(c.whistleId(), c.number(), c.orderId(), c.orderNumber(),
                    c.districtCode(), c.streetCode(), c.departmentId(), c.departmentName(), c.dueAt(), c.blownBy(), now));
        }
        return claimed.size();
    }

    private record Claimed(long whistleId, String number, long orderId, String orderNumber, String districtCode,
                           String streetCode, long departmentId, String departmentName, Instant dueAt, long blownBy) {
    }
}
