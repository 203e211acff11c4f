package org.yiwang.assessment;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.catalog.Stage;
import org.yiwang.catalog.Urgency;
import org.yiwang.workorder.Action;
import org.yiwang.workorder.Source;
import org.yiwang.workorder.WorkOrderJournaled;
import org.yiwang.workorder.WorkOrderStatus;
import org.yiwang.workorder.WorkOrderTransitioned;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The follower writes a batch with a few statements, its differences summed per row of each table first; what it
 * stores must be what applying the same changes one batch each stores, row for row. The changes are made by hand for
 * orders of a district no real order has, and each run is rolled back. (The annotations are those of
 * {@link AssessmentSpringTests}, so the two share one context.)
 */
@SpringBootTest
@AutoConfigureMockMvc
class OrderFactsBatchTests {

    static final String DISTRICT = "990199";
    static final String GRID_A = "990199001001001";
    /** Another grid of grid A's community: a unit's row (by community) sums both. */
    static final String GRID_B = "990199001001002";
    /** A grid of another community. */
    static final String GRID_C = "990199001002001";
    static final long UNIT = 9_900_001L;
    static final long OTHER_UNIT = 9_900_002L;
    static final long WORKER = 9_900_101L;
    /** Monday 3 March 2025, 10:00 in Nanjing: a closed month, so the batch also counts the month's change. */
    static final Instant T0 = Instant.parse("2025-03-03T02:00:00Z");
    static final long FIRST_ID = 9_199_000_000L;

    @Autowired OrderFacts follower;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transactions;

    record Order(long id, Source source, Long reporter) {
    }

    final Order resident1 = new Order(FIRST_ID + 1, Source.RESIDENT, 900L);
    final Order resident2 = new Order(FIRST_ID + 2, Source.RESIDENT, 901L);
    final Order hotline = new Order(FIRST_ID + 3, Source.HOTLINE_12345, null);
    final Order patrol = new Order(FIRST_ID + 4, Source.GRID_PATROL, WORKER);
    /** First seen with a change after its report (which left the journal): no order to read, the change's time counts. */
    final Order late = new Order(FIRST_ID + 5, Source.RESIDENT, 902L);
    final Order residentB = new Order(FIRST_ID + 6, Source.RESIDENT, 903L);
    final Order patrolA = new Order(FIRST_ID + 7, Source.GRID_PATROL, WORKER);

    /**
     * The journal: intakes in one grid and community (several of them the same row of a monthly table, under different
     * keys too: a grid worker's and residents' in a grid's row, two grids in the unit's community row), changes again,
     * later changes that move orders between rows, a stale one.
     */
    List<WorkOrderJournaled> journal() {
        WorkOrderJournaled intake1 = intake(resident1, GRID_A, T0);
        WorkOrderJournaled patrolIntake = intake(patrol, GRID_B, T0.plus(Duration.ofMinutes(3)));
        WorkOrderJournaled handled2 = change(resident2, GRID_A, T0.plus(Duration.ofHours(1)), WorkOrderStatus.HANDLED, UNIT,
                Stage.VERIFY, Duration.ofHours(24), step(Action.ACCEPT, WorkOrderStatus.DISPATCHED, WorkOrderStatus.ACCEPTED),
                step(Action.HANDLE, WorkOrderStatus.ACCEPTED, WorkOrderStatus.HANDLED));
        return List.of(
                intake1,
                intake(resident2, GRID_A, T0.plus(Duration.ofMinutes(1))),
                intake(hotline, GRID_A, T0.plus(Duration.ofMinutes(2))),
                patrolIntake,
                intake(residentB, GRID_B, T0.plus(Duration.ofMinutes(4))),
                intake(patrolA, GRID_A, T0.plus(Duration.ofMinutes(5))),
                intake1, // again
                handled2,
                // returned by its unit and dispatched to another: its unit row moves
                change(hotline, GRID_A, T0.plus(Duration.ofHours(2)), WorkOrderStatus.DISPATCHED, OTHER_UNIT, Stage.HANDLE, Duration.ofHours(48),
                        step(Action.RETURN, WorkOrderStatus.DISPATCHED, WorkOrderStatus.REGISTERED),
                        step(Action.DISPATCH, WorkOrderStatus.REGISTERED, WorkOrderStatus.DISPATCHED)),
                handled2, // again
                // moved to a grid of another community: its grid and worker rows move
                change(patrol, GRID_C, T0.plus(Duration.ofHours(3)), WorkOrderStatus.DISPATCHED, UNIT, Stage.HANDLE, Duration.ofHours(48),
                        step(Action.SUPERVISE, WorkOrderStatus.DISPATCHED, WorkOrderStatus.DISPATCHED)),
                patrolIntake, // late: older than what the order has seen since
                change(late, GRID_A, T0.plus(Duration.ofHours(4)), WorkOrderStatus.ACCEPTED, UNIT, Stage.HANDLE, Duration.ofHours(44),
                        step(Action.ACCEPT, WorkOrderStatus.DISPATCHED, WorkOrderStatus.ACCEPTED)));
    }

    @Test
    void aBatchStoresWhatItsChangesStoreOneBatchEach() {
        List<WorkOrderJournaled> journal = journal();
        Map<String, List<Map<String, Object>>> inOneBatch = stored(f -> f.apply(journal));
        Map<String, List<Map<String, Object>>> oneByOne = stored(f -> journal.forEach(change -> f.apply(List.of(change))));
        // in two batches: the second moves orders the first stored (taken out of their old rows, added to new ones)
        Map<String, List<Map<String, Object>>> inTwoBatches = stored(f -> {
            f.apply(journal.subList(0, 8));
            f.apply(journal.subList(8, journal.size()));
        });

        assertThat(inOneBatch).isEqualTo(oneByOne);
        assertThat(inTwoBatches).isEqualTo(oneByOne);
        // and what they store is the orders: seven reported, the hotline one apart; the unit's community row has the
        // orders of both its grids, the hotline order is under its new unit, the moved patrol order in grid C
        assertThat(inOneBatch.get("assessment_order_fact")).hasSize(7);
        assertThat(inOneBatch.get("assessment_month_area")).extracting(r -> r.get("area_code") + "/" + r.get("hotline") + "=" + r.get("reported"))
                .containsExactly(GRID_A + "/false=4", GRID_A + "/true=1", GRID_B + "/false=1", GRID_C + "/false=1");
        assertThat(inOneBatch.get("assessment_month_unit")).extracting(r -> r.get("area_code") + "/" + r.get("unit_id") + "/"
                        + r.get("hotline") + "=" + r.get("reported"))
                .containsExactly("990199001001/" + UNIT + "/false=5", "990199001001/" + OTHER_UNIT + "/true=1",
                        "990199001002/" + UNIT + "/false=1");
        assertThat(inOneBatch.get("assessment_month_worker")).extracting(r -> r.get("area_code") + "=" + r.get("reported"))
                .containsExactly(GRID_A + "=1", GRID_C + "=1");
        // grid A: two residents' orders (one handled), the late-seen one (only signed for), the grid worker's
        assertThat(inOneBatch.get("assessment_month_area").getFirst()).containsEntry("handled", 1L).containsEntry("dispatched", 3L)
                .containsEntry("responded", 2L);
    }

    /** The district's rows after {@code applying} in a transaction that is rolled back. */
    Map<String, List<Map<String, Object>>> stored(Consumer<OrderFacts> applying) {
        return transactions.execute(status -> {
            status.setRollbackOnly();
            applying.accept(follower);
            return Map.of(
                    "assessment_order_fact", rows("SELECT * FROM assessment_order_fact WHERE district_code = :d ORDER BY order_id"),
                    "assessment_month_area", rows("SELECT * FROM assessment_month_area WHERE district_code = :d ORDER BY month, area_code, hotline"),
                    "assessment_month_unit", rows("SELECT * FROM assessment_month_unit WHERE district_code = :d"
                            + " ORDER BY month, area_code, unit_id, hotline"),
                    "assessment_month_worker", rows("SELECT * FROM assessment_month_worker WHERE district_code = :d"
                            + " ORDER BY month, area_code, worker_id, hotline"));
        });
    }

    /**
     * The rows, but for sums that are all 0: such a row stays behind where an order moved away, and a batch that
     * never saw the order there makes none (as it did before a batch was written at once).
     */
    List<Map<String, Object>> rows(String sql) {
        return jdbc.sql(sql).param("d", DISTRICT).query().listOfRows().stream()
                .filter(r -> !r.containsKey("reported") || Arrays.stream(Flag.values()).map(f -> r.get(f.column()))
                        .anyMatch(v -> ((Number) v).longValue() != 0) || ((Number) r.get("reported")).longValue() != 0)
                .toList();
    }

    record Step(Action action, WorkOrderStatus from, WorkOrderStatus to) {
    }

    static Step step(Action action, WorkOrderStatus from, WorkOrderStatus to) {
        return new Step(action, from, to);
    }

    /** Reported, filed and dispatched to {@link #UNIT} in one change, as the intake journals it. */
    static WorkOrderJournaled intake(Order order, String grid, Instant at) {
        return change(order, grid, at, WorkOrderStatus.DISPATCHED, UNIT, Stage.HANDLE, Duration.ofHours(48),
                step(Action.REPORT, WorkOrderStatus.REPORTED, WorkOrderStatus.REPORTED),
                step(Action.REGISTER, WorkOrderStatus.REPORTED, WorkOrderStatus.REGISTERED),
                step(Action.DISPATCH, WorkOrderStatus.REGISTERED, WorkOrderStatus.DISPATCHED));
    }

    /** One change: each transition carries the order after the whole change (its grid, unit, stage and due time). */
    static WorkOrderJournaled change(Order order, String grid, Instant at, WorkOrderStatus status, long unit, Stage stage,
                                     Duration limit, Step... steps) {
        List<WorkOrderTransitioned> transitions = new ArrayList<>();
        for (Step s : steps) {
            transitions.add(new WorkOrderTransitioned(order.id(), "WO-B-" + order.id(), DISTRICT, grid, s.action(), s.from(), s.to(), 1L,
                    at, "C01002", Urgency.NORMAL, order.source(), order.reporter(), unit, null, List.of(), stage, at,
                    at.plus(limit), false, false, 0));
        }
        assertThat(transitions.getLast().to()).isEqualTo(status);
        return new WorkOrderJournaled(transitions);
    }
}
