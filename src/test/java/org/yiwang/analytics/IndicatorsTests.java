package org.yiwang.analytics;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yiwang.platform.Actor;
import org.yiwang.platform.DataScope;
import org.yiwang.platform.Role;
import org.yiwang.workorder.WorkOrder;
import org.yiwang.workorder.web.mobile.FieldOrders;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * The dashboard's figures and their definitions (按期结案率 = closed on time ÷ due in the period), on
 * orders written straight into a district no other test uses (鼓楼区 320106), so that the expected
 * numbers are exact.
 */
@SpringBootTest
@AutoConfigureMockMvc
class IndicatorsTests {

    static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Autowired Indicators indicators;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    @Autowired ApplicationContext context;
    @Autowired org.yiwang.geo.Divisions divisions;

    static Actor leaderOf(String district) {
        return new Actor(900_000 + district.hashCode() % 1000, "leader-" + district, "领导", Set.of(Role.LEADER), null, null,
                DataScope.division(district), false);
    }

    /** Writes an order as the work-order module would have left it, and its handling due time. */
    long order(String grid, String status, Instant created, Instant closed, boolean closedOnTime, Instant stageDue,
               Instant handlingDue, String satisfaction, Long unit, String category) {
        long id = jdbc.sql("""
                        INSERT INTO workorder_order (version, number, district_code, street_code, community_code, grid_code, lat, lon,
                            source, urgency, category_code, description, status, assignee_org_unit_id, stage, stage_started_at,
                            stage_due_at, satisfaction, created_at, updated_at, closed_at, closed_on_time)
                        VALUES (0, :number, :district, :street, :community, :grid, 32.07, 118.77, 'RESIDENT', 'NORMAL', :category,
                            '测试', :status, :unit, :stage, :created, :due, :satisfaction, :created, :created, :closed, :onTime)
                        RETURNING id
                        """)
                .param("number", "KPI" + System.nanoTime() % 1_000_000_000L + SEQUENCE.incrementAndGet())
                .param("district", grid.substring(0, 6)).param("street", grid.substring(0, 9)).param("community", grid.substring(0, 12))
                .param("grid", grid).param("category", category).param("status", status).param("unit", unit)
                .param("stage", stageDue == null ? null : "HANDLE").param("created", Timestamp.from(created))
                .param("due", stageDue == null ? null : Timestamp.from(stageDue)).param("satisfaction", satisfaction)
                .param("closed", closed == null ? null : Timestamp.from(closed)).param("onTime", closedOnTime)
                .query(Long.class).single();
        if (handlingDue != null) {
            jdbc.sql("""
                            INSERT INTO analytics_handling_due (order_id, district_code, street_code, grid_code, assignee_org_unit_id, due_at, as_of,
                                settled, closed_on_time, voided)
                            VALUES (:id, :district, :street, :grid, :unit, :due, :created, :settled, :onTime, :voided)
                            """)
                    .param("id", id).param("district", grid.substring(0, 6)).param("street", grid.substring(0, 9)).param("grid", grid)
                    .param("unit", unit).param("due", Timestamp.from(handlingDue)).param("created", Timestamp.from(created))
                    .param("settled", status.equals("CLOSED") || status.equals("EVALUATED")).param("onTime", closedOnTime)
                    .param("voided", status.equals("VOIDED")).update();
        }
        return id;
    }

    @Test
    void theFiguresOfAPeriodFollowTheAssessmentDefinitions() {
        Instant now = clock.instant();
        Duration day = Duration.ofDays(1);
        String street1 = "320106001001001";
        String street2 = "320106002001001";
        // A: closed on time, due yesterday, satisfied
        order(street1, "EVALUATED", now.minus(day.multipliedBy(2)), now.minus(day), true, null, now.minus(day), "SATISFIED", 71L, "M01001");
        // B: closed late, due two days ago, dissatisfied
        order(street1, "EVALUATED", now.minus(day.multipliedBy(3)), now.minus(day), false, null, now.minus(day.multipliedBy(2)), "DISSATISFIED", 71L, "M01001");
        // C: open and an hour overdue
        order(street2, "ACCEPTED", now.minus(day.multipliedBy(2)), null, false, now.minus(Duration.ofHours(1)), now.minus(Duration.ofHours(1)), null, 72L, "C01002");
        // D: open, due tomorrow: not due yet
        Instant justNow = now.minusSeconds(5);
        order(street2, "DISPATCHED", justNow, null, false, now.plus(day), now.plus(day), null, 72L, "C01002");
        // E: closed on time yesterday, ahead of its due time next week: assessed when it falls due, not yet
        order(street2, "CLOSED", now.minus(day.multipliedBy(2)), now.minus(day), true, null, now.plus(day.multipliedBy(7)), null, 72L, "C01002");
        // F: before the period
        order(street1, "CLOSED", now.minus(day.multipliedBy(10)), now.minus(day.multipliedBy(9)), true, null, now.minus(day.multipliedBy(8)), null, 71L, "M01001");
        // G: voided, though due in the period
        order(street1, "VOIDED", now.minus(day), null, false, null, now.minus(Duration.ofHours(2)), null, null, null);
        // H: another district
        order("320107001001001", "ACCEPTED", now.minus(day), null, false, now.minus(Duration.ofHours(1)), now.minus(Duration.ofHours(1)), null, 73L, "C01002");

        Dashboard d = indicators.dashboard(leaderOf("320106"), Period.of("7d", clock));
        Dashboard.Row all = d.headline();
        assertThat(all.intake()).isEqualTo(6);          // A B C D E G
        assertThat(all.open()).isEqualTo(2);            // C D
        assertThat(all.overdue()).isEqualTo(1);         // C
        assertThat(all.closed()).isEqualTo(3);          // A B E
        assertThat(all.due()).isEqualTo(3);             // A B C
        assertThat(all.closedOnTime()).isEqualTo(1);    // A
        assertThat(all.onTimeRate()).isCloseTo(1.0 / 3, within(1e-9));
        assertThat(all.grade()).isEqualTo("E");
        assertThat(all.rated()).isEqualTo(2);
        assertThat(all.satisfactionRate()).isCloseTo(0.5, within(1e-9));
        assertThat(all.avgHours()).isCloseTo((24 + 48 + 24) / 3.0, within(0.01));
        boolean dToday = !justNow.isBefore(LocalDate.ofInstant(now, Period.ZONE).atStartOfDay(Period.ZONE).toInstant());
        assertThat(d.todayIntake()).isEqualTo(dToday ? 1 : 0);

        // every street of the district has a row, those without orders too (all zero)
        java.util.List<String> streets = divisions.children("320106").stream().map(org.yiwang.geo.Division::code).sorted().toList();
        assertThat(streets).hasSizeGreaterThan(2).contains("320106001", "320106002");
        assertThat(d.byStreet()).extracting(Dashboard.Row::key).containsExactlyElementsOf(streets);
        assertThat(d.byStreet().subList(2, streets.size())).allSatisfy(r -> {
            assertThat(r.intake()).isZero();
            assertThat(r.open()).isZero();
            assertThat(r.name()).isNotBlank();
        });
        Dashboard.Row first = d.byStreet().get(0);
        assertThat(first.name()).isNotBlank();
        assertThat(first.due()).isEqualTo(2);
        assertThat(first.closedOnTime()).isEqualTo(1);
        assertThat(d.byStreet().get(1).open()).isEqualTo(2);
        assertThat(d.byStreet().get(1).due()).isEqualTo(1);  // C
        assertThat(d.byStreet().get(1).onTimeRate()).isZero();
        assertThat(d.byDepartment()).extracting(Dashboard.Row::key).contains("71", "72").doesNotContain("73");
        assertThat(d.topCategories().getFirst().code()).isEqualTo("C01002");
        assertThat(d.topCategories().getFirst().count()).isEqualTo(3);
        assertThat(d.trend()).hasSize(30);
        assertThat(d.trend().stream().mapToLong(Dashboard.Day::intake).sum()).isEqualTo(7); // F too: 30 days
        assertThat(d.trend().getLast().day()).isEqualTo(LocalDate.ofInstant(now, Period.ZONE));

        Dashboard other = indicators.dashboard(leaderOf("320107"), Period.of("7d", clock));
        assertThat(other.headline().open()).isEqualTo(1);
        assertThat(other.headline().intake()).isEqualTo(1);
    }

    @Test
    void theHandlingDueTimeFollowsTheWorkOrderEvents() {
        WorkOrder dispatched = FieldOrders.of(context).reportedByResident("到期时间：井盖缺失");
        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.sql("SELECT count(*) FROM analytics_handling_due WHERE order_id = :id")
                .param("id", dispatched.id()).query(Long.class).single() == 1);
        Instant due = jdbc.sql("SELECT due_at FROM analytics_handling_due WHERE order_id = :id").param("id", dispatched.id())
                .query(Timestamp.class).single().toInstant();
        assertThat(due).isEqualTo(dispatched.stageDueAt().truncatedTo(java.time.temporal.ChronoUnit.MICROS)); // PostgreSQL keeps microseconds

        WorkOrder closed = FieldOrders.of(context).closed("到期时间：已结案");
        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.sql(
                        "SELECT settled AND closed_on_time FROM analytics_handling_due WHERE order_id = :id")
                .param("id", closed.id()).query(Boolean.class).optional().orElse(false));
    }

    @Test
    void onlyTerritorialStaffHaveFigures() {
        Actor resident = new Actor(1, "r", "r", Set.of(Role.RESIDENT), null, null, DataScope.NONE, false);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> indicators.dashboard(resident, Period.of("today", clock)))
                .hasMessageContaining("error.forbidden");
    }
}
