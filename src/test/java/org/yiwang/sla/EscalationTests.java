package org.yiwang.sla;

import org.yiwang.workorder.Dispute;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.catalog.Stage;
import org.yiwang.catalog.Urgency;
import org.yiwang.platform.Actor;
import org.yiwang.workorder.ActOnOrder;
import org.yiwang.workorder.Action;
import org.yiwang.workorder.WorkOrder;
import org.yiwang.workorder.WorkOrderStatus;
import org.yiwang.workorder.WorkOrderJournaled;
import org.yiwang.workorder.WorkOrderTransitioned;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@SlaSpringTest
@RecordApplicationEvents
class EscalationTests {

    @Autowired ApplicationContext context;
    @Autowired SlaSweep sweep;
    @Autowired Escalations escalations;
    @Autowired StageClocks stageClocks;
    @Autowired TransactionTemplate transactions;
    @Autowired ApplicationEvents events;
    @Autowired ClockAudit audit;
    @Autowired JsonMapper json;

    SlaFixtures given;

    @BeforeEach
    void fixtures() {
        given = new SlaFixtures(context);
    }

    @Test
    void anOrderTurnsYellowThenRedAndIsEscalatedExactlyOnce() {
        long id = given.dispatchedToTheHandler(Urgency.NORMAL);
        StageClock clock = given.awaitInStep(id);
        WorkOrder order = given.order(id);
        assertThat(clock.stage()).isEqualTo(Stage.HANDLE);
        assertThat(clock.workingTime()).isEqualTo(order.stageWorkingTime());
        assertThat(clock.warnAt()).isAfter(clock.startedAt()).isBefore(clock.dueAt());

        sweep.run(given.clock.instant());
        assertThat(given.notices("handler", "sla.", id)).isZero();

        // yellow: the handler is told, once
        Instant yellow = given.justAfter(clock.warnAt());
        sweep.run(yellow);
        sweep.run(yellow.plusSeconds(30));
        assertThat(given.notices("handler", "sla.notice.warned.HANDLE", id)).isEqualTo(1);
        assertThat(given.notices("dispatcher", "sla.", id)).isZero();
        assertThat(given.supervisions(id)).isZero();
        assertThat(events.stream(SlaWarned.class).filter(e -> e.orderId() == id))
                .singleElement().satisfies(e -> assertThat(e.notified()).containsExactly(given.userId("handler")));

        // red: the street's command centre, its duty leader and the handling unit's lead are told (the ladder's
        // first rung) and the order escalated, once; the district leader is not bothered yet
        Instant red = given.justAfter(clock.dueAt());
        sweep.run(red);
        sweep.run(red.plusSeconds(30));
        given.clock.advance(Duration.ofHours(2));
        sweep.run(given.clock.instant());
        assertThat(given.supervisions(id)).isEqualTo(1);
        assertThat(given.notices("dispatcher", "sla.notice.breached.HANDLE", id)).isEqualTo(1);
        assertThat(given.notices("leader", "sla.", id)).isZero();
        assertThat(given.notices("handler", "sla.notice.warned", id)).isEqualTo(1);
        assertThat(events.stream(SlaBreached.class).filter(e -> e.orderId() == id)).singleElement().satisfies(e -> {
            assertThat(e.breachCount()).isEqualTo(1);
            assertThat(e.supervisionLevel()).isEqualTo(1);
            assertThat(e.notified()).containsExactlyInAnyOrder(given.userId("dispatcher"), given.userId("leader-fuzimiao"),
                    given.userId("leader-urban"));
        });
        assertThat(given.notices("leader-fuzimiao", "sla.notice.breached.HANDLE", id)).isEqualTo(1);
        assertThat(given.notices("leader-urban", "sla.notice.breached.HANDLE", id)).isEqualTo(1);
        Map<String, Object> supervision = given.jdbc.sql(
                        "SELECT actor_user_id, note FROM workorder_transition WHERE order_id = :id AND action = 'SUPERVISE'")
                .param("id", id).query().singleRow();
        assertThat(supervision.get("actor_user_id")).isEqualTo(Actor.SYSTEM_USER_ID);
        assertThat((String) supervision.get("note")).contains("超时自动督办").contains("Escalated automatically");

        StageClock breached = given.awaitInStep(id);
        assertThat(breached.breachedAt()).isEqualTo(red);
        assertThat(breached.escalated()).isTrue();
        assertThat(breached.breachCount()).isEqualTo(1);
        assertThat(breached.supervisionCount()).isEqualTo(1);
        assertThat(given.clocks.history(id)).extracting(ClockEntry::kind)
                .containsExactly(ClockEntry.Kind.STARTED, ClockEntry.Kind.WARNED, ClockEntry.Kind.BREACHED);
        assertThat(given.clocks.history(id).getFirst().action()).isEqualTo(Action.DISPATCH);
    }

    @Test
    void theSecondBreachOfAnOrderAlsoTellsTheDistrictsLeaders() {
        long id = given.dispatchedToTheHandler(Urgency.URGENT);
        StageClock first = given.awaitInStep(id);
        sweep.run(given.justAfter(first.dueAt()));
        assertThat(given.supervisions(id)).isEqualTo(1);
        assertThat(given.notices("leader", "sla.", id)).isZero();
        given.awaitInStep(id);

        // handled too late and not good enough: the rework starts a new handling stage
        given.act(id, "handler", Action.ACCEPT, "");
        given.act(id, "handler", Action.HANDLE, "已先行围挡");
        given.act(id, "dispatcher", Action.REWORK, "井盖仍未补装");
        StageClock second = given.awaitInStep(id);
        assertThat(second.startedAt()).isAfter(first.startedAt());
        assertThat(second.breachedAt()).isNull();
        assertThat(second.warnedAt()).isNull();
        assertThat(second.breachCount()).isEqualTo(1);

        sweep.run(given.justAfter(second.dueAt()));
        assertThat(given.supervisions(id)).isEqualTo(2);
        assertThat(given.notices("dispatcher", "sla.notice.breached.HANDLE", id)).isEqualTo(2);
        assertThat(given.notices("leader", "sla.notice.breached.HANDLE", id)).isEqualTo(1);
        assertThat(given.awaitInStep(id).breachCount()).isEqualTo(2);
    }

    @Test
    void aSuspendedOrderIsNotEscalatedAndResumingMovesItsDueTime() {
        long id = given.dispatchedToTheHandler(Urgency.NORMAL);
        StageClock running = given.awaitInStep(id);
        given.clock.advance(Duration.ofMinutes(30));
        given.act(id, "dispatcher", Action.SUSPEND, "等待管线单位施工");
        StageClock suspended = given.awaitInStep(id);
        assertThat(suspended.suspended()).isTrue();
        assertThat(suspended.suspendedAt()).isEqualTo(given.clock.instant());

        // days pass while suspended: no warning, no escalation
        given.clock.moveTo(running.dueAt().plus(Duration.ofDays(3)));
        sweep.run(given.clock.instant());
        assertThat(given.supervisions(id)).isZero();
        assertThat(given.notices("handler", "sla.", id)).isZero();
        assertThat(given.notices("dispatcher", "sla.", id)).isZero();
        assertThat(suspended.light(given.clock.instant())).isEqualTo(org.yiwang.workorder.TrafficLight.GREEN);

        // resumed: the due time moved by the time suspended, and the history says why
        given.act(id, "dispatcher", Action.RESUME, "施工完成");
        StageClock resumed = given.awaitInStep(id);
        WorkOrder order = given.order(id);
        assertThat(resumed.suspended()).isFalse();
        assertThat(resumed.dueAt()).isEqualTo(order.stageDueAt()).isAfter(running.dueAt());
        assertThat(resumed.limit()).isEqualTo(running.limit());
        assertThat(resumed.warnAt()).isAfter(given.clock.instant());
        assertThat(given.clocks.history(id)).filteredOn(e -> e.kind() == ClockEntry.Kind.DUE_MOVED).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo(Action.RESUME);
            assertThat(e.dueBefore()).isEqualTo(running.dueAt());
            assertThat(e.dueAfter()).isEqualTo(resumed.dueAt());
        });
        sweep.run(given.clock.instant());
        assertThat(given.supervisions(id)).isZero();

        sweep.run(given.justAfter(resumed.dueAt()));
        assertThat(given.supervisions(id)).isEqualTo(1);
    }

    @Test
    void anApprovedExtensionMovesTheDueTimeButTheWarningIsNotRepeated() {
        long id = given.dispatchedToTheHandler(Urgency.NORMAL);
        StageClock clock = given.awaitInStep(id);
        sweep.run(given.justAfter(clock.warnAt()));
        assertThat(given.notices("handler", "sla.notice.warned", id)).isEqualTo(1);

        Instant until = clock.dueAt().plus(Duration.ofDays(2));
        given.actions.perform(id, Action.REQUEST_EXTENSION,
                new ActOnOrder("需要采购同规格井盖", List.of(), null, null, null, List.of(), until, null, null, null), given.actor("handler"));
        given.act(id, "dispatcher", Action.APPROVE_EXTENSION, "同意延期两天");
        StageClock extended = given.awaitInStep(id);
        assertThat(extended.dueAt()).isEqualTo(until);
        assertThat(extended.warnedAt()).isNotNull();
        assertThat(extended.limit()).isGreaterThan(clock.limit());
        assertThat(given.clocks.history(id)).filteredOn(e -> e.kind() == ClockEntry.Kind.DUE_MOVED).singleElement()
                .satisfies(e -> assertThat(e.action()).isEqualTo(Action.APPROVE_EXTENSION));

        sweep.run(given.justAfter(clock.dueAt()));
        assertThat(given.supervisions(id)).isZero();
        sweep.run(given.justAfter(extended.warnAt()));
        assertThat(given.notices("handler", "sla.notice.warned", id)).isEqualTo(1);
        sweep.run(given.justAfter(until));
        assertThat(given.supervisions(id)).isEqualTo(1);
    }

    @Test
    void redeliveredAndStaleEventsChangeNothing() {
        long id = given.dispatchedToTheHandler(Urgency.NORMAL);
        StageClock started = given.awaitInStep(id);
        WorkOrder dispatched = given.order(id);
        sweep.run(given.justAfter(started.dueAt()));
        assertThat(given.supervisions(id)).isEqualTo(1);
        StageClock escalated = given.awaitInStep(id);
        WorkOrder supervised = given.order(id);
        List<ClockEntry> history = given.clocks.history(id);
        long dispatcherNotices = given.notices("dispatcher", "sla.", id);

        WorkOrderTransitioned dispatch = event(dispatched, Action.DISPATCH, WorkOrderStatus.REGISTERED, dispatched.stageStartedAt());
        WorkOrderTransitioned supervise = event(supervised, Action.SUPERVISE, WorkOrderStatus.DISPATCHED, escalated.breachedAt());
        for (WorkOrderTransitioned again : List.of(supervise, dispatch, supervise, dispatch)) {
            transactions.executeWithoutResult(s -> stageClocks.follow(StageSnapshot.of(again), false));
        }
        assertThat(given.clocks.find(id)).contains(escalated);
        assertThat(given.clocks.history(id)).isEqualTo(history);

        sweep.run(given.clock.instant().plusSeconds(60));
        assertThat(given.supervisions(id)).isEqualTo(1);
        assertThat(given.notices("dispatcher", "sla.", id)).isEqualTo(dispatcherNotices);
    }

    @Test
    void theIntakeChangeRedeliveredAfterTheClockMovedOnChangesNothing() {
        long id = given.dispatchedToTheHandler(Urgency.NORMAL);
        StageClock started = given.awaitInStep(id);
        sweep.run(given.justAfter(started.dueAt()));
        StageClock escalated = given.awaitInStep(id);
        List<ClockEntry> history = given.clocks.history(id);
        WorkOrderJournaled change = json.readValue(given.jdbc.sql("SELECT change FROM workorder_journal WHERE order_id = :id ORDER BY position LIMIT 1")
                .param("id", id).query(String.class).single(), WorkOrderJournaled.class);

        // the change that reported the order skips the clock's lock and relies on the insert's conflict
        transactions.executeWithoutResult(s -> stageClocks.followAll(change.transitions().stream().map(StageSnapshot::of).toList()));
        assertThat(given.clocks.find(id)).contains(escalated);
        assertThat(given.clocks.history(id)).isEqualTo(history);
    }

    @Test
    void aChangeFollowedAtOnceGivesTheClockAndHistoryOfOneTransitionAtATime() {
        long id = given.dispatchedToTheHandler(Urgency.NORMAL);
        StageClock atOnce = given.awaitInStep(id);
        List<ClockEntry> historyAtOnce = given.clocks.history(id);
        WorkOrderJournaled change = json.readValue(given.jdbc.sql("SELECT change FROM workorder_journal WHERE order_id = :id")
                .param("id", id).query(String.class).single(), WorkOrderJournaled.class);
        assertThat(change.transitions()).extracting(WorkOrderTransitioned::action).containsExactly(Action.REPORT, Action.REGISTER, Action.DISPATCH);

        transactions.executeWithoutResult(s -> {
            given.jdbc.sql("DELETE FROM sla_clock_event WHERE order_id = :id").param("id", id).update();
            given.jdbc.sql("DELETE FROM sla_clock WHERE order_id = :id").param("id", id).update();
            change.transitions().forEach(t -> stageClocks.follow(StageSnapshot.of(t), false));
        });
        assertThat(given.clocks.find(id)).contains(atOnce);
        assertThat(given.clocks.history(id)).isEqualTo(historyAtOnce).isNotEmpty();
    }

    @Test
    void aBatchFollowedAtOnceGivesTheClocksAndHistoriesOfOneChangeAtATime() {
        long a = given.dispatchedToTheHandler(Urgency.NORMAL);
        long b = given.dispatchedToTheHandler(Urgency.URGENT);
        long c = given.dispatchedToTheHandler(Urgency.NORMAL);
        long d = given.dispatchedToTheHandler(Urgency.NORMAL);
        long e = given.dispatchedToTheHandler(Urgency.NORMAL);
        given.act(a, "handler", Action.ACCEPT, "");
        given.act(d, "handler", Action.ACCEPT, "");
        given.act(d, "handler", Action.HANDLE, "已补装井盖");
        given.act(e, "handler", Action.ACCEPT, "");
        List<Long> orders = List.of(a, b, c, d, e);
        orders.forEach(given::awaitInStep);
        Map<Long, List<WorkOrderJournaled>> journal = orders.stream().collect(java.util.stream.Collectors.toMap(id -> id,
                id -> given.jdbc.sql("SELECT change FROM workorder_journal WHERE order_id = :id ORDER BY position")
                        .param("id", id).query(String.class).list().stream()
                        .map(change -> json.readValue(change, WorkOrderJournaled.class)).toList()));
        // d and e were reported in earlier batches (e's report comes again); c's report and d's acceptance come twice
        List<WorkOrderJournaled> before = List.of(journal.get(d).getFirst(), journal.get(e).get(0), journal.get(e).get(1));
        List<WorkOrderJournaled> batch = List.of(journal.get(a).get(0), journal.get(b).get(0), journal.get(a).get(1),
                journal.get(c).get(0), journal.get(d).get(1), journal.get(e).get(0), journal.get(c).get(0),
                journal.get(d).get(2), journal.get(d).get(1));
        assertThat(batch.getFirst().transitions()).extracting(WorkOrderTransitioned::action)
                .containsExactly(Action.REPORT, Action.REGISTER, Action.DISPATCH);

        Map<Long, Kept> oneAtATime = followed(orders, before, () -> batch.forEach(stageClocks::on));
        Map<Long, Kept> atOnce = followed(orders, before, () -> stageClocks.apply(batch));
        assertThat(atOnce).isEqualTo(oneAtATime);
        orders.forEach(id -> assertThat(oneAtATime.get(id).clock().status()).isEqualTo(given.order(id).status()));
        assertThat(oneAtATime.get(d).history()).extracting(ClockEntry::kind, ClockEntry::action).containsExactly(
                org.assertj.core.groups.Tuple.tuple(ClockEntry.Kind.STARTED, Action.DISPATCH),
                org.assertj.core.groups.Tuple.tuple(ClockEntry.Kind.STARTED, Action.HANDLE));
    }

    record Kept(StageClock clock, List<ClockEntry> history) {
    }

    /** Each order's clock and history after following {@code before} one change at a time and then {@code batch}; rolled back. */
    private Map<Long, Kept> followed(List<Long> orders, List<WorkOrderJournaled> before, Runnable batch) {
        return transactions.execute(s -> {
            orders.forEach(id -> {
                given.jdbc.sql("DELETE FROM sla_clock_event WHERE order_id = :id").param("id", id).update();
                given.jdbc.sql("DELETE FROM sla_clock WHERE order_id = :id").param("id", id).update();
            });
            before.forEach(stageClocks::on);
            batch.run();
            Map<Long, Kept> kept = new java.util.HashMap<>();
            orders.forEach(id -> kept.put(id, new Kept(given.clocks.find(id).orElseThrow(), given.clocks.history(id))));
            s.setRollbackOnly();
            return kept;
        });
    }

    @Test
    void closingTheOrderStopsItsClock() {
        long id = given.dispatchedToTheHandler(Urgency.NORMAL);
        given.act(id, "handler", Action.ACCEPT, "");
        given.act(id, "handler", Action.HANDLE, "已补装井盖");
        given.act(id, "dispatcher", Action.REQUEST_VERIFICATION, "");
        given.act(id, "gridworker", Action.APPROVE, "现场已恢复");
        given.act(id, "dispatcher", Action.CLOSE, "结案");
        StageClock closed = given.awaitInStep(id);
        assertThat(closed.running()).isFalse();
        assertThat(closed.closedAt()).isNotNull();
        assertThat(closed.stage()).isEqualTo(Stage.VERIFY);
        sweep.run(given.clock.instant().plus(Duration.ofDays(30)));
        assertThat(given.supervisions(id)).isZero();
        assertThat(given.clocks.history(id)).extracting(ClockEntry::kind).containsExactly(
                ClockEntry.Kind.STARTED, ClockEntry.Kind.STARTED, ClockEntry.Kind.STOPPED);
    }

    @Test
    void aClockThatIsBehindItsOrderIsSetFromTheOrderInsteadOfEscalating() {
        long id = given.dispatchedToTheHandler(Urgency.NORMAL);
        StageClock clock = given.awaitInStep(id);
        // as if an event had been lost: the clock believes the stage was due a minute after it started
        given.jdbc.sql("UPDATE sla_clock SET due_at = started_at + interval '1 minute', warn_at = started_at, updated_at = started_at"
                + " WHERE order_id = :id").param("id", id).update();
        given.clock.advance(Duration.ofMinutes(10));

        SlaSweep.Round round = sweep.run(given.clock.instant());
        assertThat(round.count(Escalations.Outcome.BEHIND)).isGreaterThanOrEqualTo(1);
        assertThat(given.supervisions(id)).isZero();
        assertThat(given.notices("dispatcher", "sla.", id)).isZero();
        assertThat(given.clocks.find(id).orElseThrow().dueAt()).isEqualTo(clock.dueAt());
    }

    @Test
    void theAuditFindsAnOverdueOrderWhoseClockWasLost() {
        long id = given.dispatchedToTheHandler(Urgency.NORMAL);
        StageClock clock = given.awaitInStep(id);
        given.jdbc.sql("DELETE FROM sla_clock WHERE order_id = :id").param("id", id).update();
        sweep.run(given.justAfter(clock.dueAt()));
        assertThat(given.supervisions(id)).isZero();

        assertThat(audit.run()).isGreaterThanOrEqualTo(1);
        assertThat(given.clocks.find(id)).get().satisfies(c -> {
            assertThat(c.dueAt()).isEqualTo(clock.dueAt());
            assertThat(c.running()).isTrue();
        });
        sweep.run(given.clock.instant());
        assertThat(given.supervisions(id)).isEqualTo(1);
        assertThat(audit.run()).isZero();
    }

    /** The event as the work-order module published it for {@code action}, from the order as it was then. */
    static WorkOrderTransitioned event(WorkOrder o, Action action, WorkOrderStatus from, Instant at) {
        return new WorkOrderTransitioned(o.id(), o.number(), o.districtCode(), o.gridCode(), action, from, o.status(),
                Actor.SYSTEM_USER_ID, at, o.categoryCode(), o.urgency(), o.source(), o.reporterUserId(), o.assigneeOrgUnitId(),
                o.assigneeUserId(), o.assistOrgUnitIds(), o.stage(), o.stageStartedAt(), o.stageDueAt(), o.stageWorkingTime(),
                o.suspended(), o.supervisionCount());
    }

    @Test
    void aDisputeNotRuledOnByItsArbitrationLimitGoesToTheDistrictOnce() {
        long id = given.dispatchedToTheHandler(Urgency.NORMAL);
        long lead = given.people.findByUsername("handler").orElseThrow().orgUnitId();
        String duty = "DL-" + given.handlerCategory;
        given.clock.advance(Duration.ofMinutes(1));
        given.actions.perform(id, Action.RETURN, new ActOnOrder("不属于本部门", List.of(), null, null, null, List.of(), null, null, null,
                null, duty, List.of()), given.actor("handler"));
        given.clock.advance(Duration.ofMinutes(1));
        given.actions.perform(id, Action.DISPATCH, new ActOnOrder("经核实仍属城管职责", List.of(), null, null, lead, List.of(), null, null,
                null, null, null, List.of()), given.actor("dispatcher-district"));
        given.clock.advance(Duration.ofMinutes(1));
        given.actions.perform(id, Action.CONTEST, new ActOnOrder("依清单应由市场监管处置", List.of(), null, null, null, List.of(), null, null,
                null, null, duty, List.of()), given.actor("handler"));
        Dispute dispute = given.order(id).dispute();
        assertThat(dispute).isNotNull();
        long supervisedBefore = given.supervisions(id);

        // not yet due: nothing
        sweep.run(dispute.dueAt().minus(Duration.ofMinutes(5)));
        assertThat(given.notices("dispatcher-district", "sla.notice.arbitrationOverdue", id)).isZero();

        // past the limit: the district command centre and the district leader are told and the order is supervised, once,
        // however many rounds (or nodes) find it
        Instant late = given.justAfter(dispute.dueAt());
        sweep.run(late);
        sweep.run(late.plusSeconds(30));
        assertThat(escalations.arbitrationOverdue(given.order(id), late.plusSeconds(60))).isEqualTo(Escalations.Outcome.TAKEN);
        assertThat(given.notices("dispatcher-district", "sla.notice.arbitrationOverdue", id)).isEqualTo(1);
        assertThat(given.notices("leader", "sla.notice.arbitrationOverdue", id)).isEqualTo(1);
        assertThat(given.notices("handler", "sla.notice.arbitrationOverdue", id)).isZero();
        assertThat(given.jdbc.sql("SELECT count(*) FROM workorder_transition WHERE order_id = :id AND action = 'SUPERVISE' AND note LIKE '%仲裁超期%'")
                .param("id", id).query(Long.class).single()).isEqualTo(1);
        assertThat(given.supervisions(id)).isGreaterThan(supervisedBefore);
        assertThat(given.order(id).dispute()).isNotNull();
    }
}
