package org.yiwang.sla;

import org.locationtech.jts.geom.Point;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yiwang.catalog.Catalog;
import org.yiwang.catalog.Category;
import org.yiwang.catalog.Urgency;
import org.yiwang.dispatch.RouteRequest;
import org.yiwang.dispatch.Router;
import org.yiwang.dispatch.RoutingDecision;
import org.yiwang.geo.GridLocator;
import org.yiwang.geo.Grids;
import org.yiwang.geo.IndexedGrid;
import org.yiwang.people.People;
import org.yiwang.platform.Actor;
import org.yiwang.workorder.ActOnOrder;
import org.yiwang.workorder.Action;
import org.yiwang.workorder.Intake;
import org.yiwang.workorder.ReportProblem;
import org.yiwang.workorder.WorkOrder;
import org.yiwang.workorder.WorkOrderActions;
import org.yiwang.workorder.WorkOrderQueries;
import org.yiwang.workorder.WorkOrderStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/**
 * Orders for the time-limit tests, made through the real intake and actions of the demo territory:
 * a resident reports a problem in the demo grid worker's grid, in a category that routing sends to
 * the demo handler's department (秦淮区城市管理局), so it is filed and dispatched at once.
 */
final class SlaFixtures {

    final Intake intake;
    final WorkOrderActions actions;
    final WorkOrderQueries queries;
    final People people;
    final Clocks clocks;
    final JdbcClient jdbc;
    final MutableClock clock;
    final IndexedGrid grid;
    final String handlerCategory;

    SlaFixtures(ApplicationContext context) {
        this.intake = context.getBean(Intake.class);
        this.actions = context.getBean(WorkOrderActions.class);
        this.queries = context.getBean(WorkOrderQueries.class);
        this.people = context.getBean(People.class);
        this.clocks = context.getBean(Clocks.class);
        this.jdbc = context.getBean(JdbcClient.class);
        this.clock = context.getBean(MutableClock.class);
        Grids grids = context.getBean(Grids.class);
        GridLocator locator = context.getBean(GridLocator.class);
        Router router = context.getBean(Router.class);
        Catalog catalog = context.getBean(Catalog.class);
        String code = grids.gridsOf(userId("gridworker")).getFirst().code();
        this.grid = locator.grid(code).orElseThrow();
        long handlerUnit = people.findByUsername("handler").orElseThrow().orgUnitId();
        this.handlerCategory = catalog.categories().stream().filter(Category::enabled).map(Category::code)
                .filter(c -> {
                    RoutingDecision d = router.route(new RouteRequest(c, grid.code(), grid.community().code(), grid.street().code(),
                            grid.district().code()));
                    return d.routed() && d.orgUnitId() == handlerUnit;
                })
                .findFirst().orElseThrow();
    }

    /** A resident's report that intake files and dispatches to the handler's department at once; its clock runs. */
    long dispatchedToTheHandler(Urgency urgency) {
        Point p = grid.geometry().getInteriorPoint();
        WorkOrder order = intake.report(new ReportProblem("井盖缺失，有人差点踩空", handlerCategory, p.getY(), p.getX(), null,
                "贡院街 12 号", null, urgency, null, null, List.of(), UUID.randomUUID().toString()), actor("resident")).order();
        if (order.status() != WorkOrderStatus.DISPATCHED) {
            throw new IllegalStateException("expected intake to dispatch the order, it is " + order.status());
        }
        awaitClock(order.id(), c -> c.running() && c.status() == WorkOrderStatus.DISPATCHED);
        return order.id();
    }

    /** A minute later, {@code username} takes {@code action}. */
    WorkOrder act(long orderId, String username, Action action, String note) {
        clock.advance(Duration.ofMinutes(1));
        return actions.perform(orderId, action, ActOnOrder.note(note), actor(username));
    }

    WorkOrder order(long orderId) {
        return queries.get(orderId, Actor.system());
    }

    /** Waits until the clock (kept by an asynchronous listener) satisfies {@code condition}. */
    StageClock awaitClock(long orderId, Predicate<StageClock> condition) {
        return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20))
                .until(() -> clocks.find(orderId).orElse(null), c -> c != null && condition.test(c));
    }

    /** Waits until the clock has caught up with the order as it is now. */
    StageClock awaitInStep(long orderId) {
        WorkOrder o = order(orderId);
        return awaitClock(orderId, c -> c.supervisionCount() == o.supervisionCount() && c.status() == o.status()
                && c.suspended() == o.suspended()
                && (o.status().isOpen()
                ? c.sameInstance(o.stage(), StageSnapshot.micros(o.stageStartedAt())) && c.dueAt().equals(StageSnapshot.micros(o.stageDueAt()))
                : !c.running()));
    }

    Actor actor(String username) {
        return people.actorOf(username).orElseThrow();
    }

    long userId(String username) {
        return people.findByUsername(username).orElseThrow().id();
    }

    /** The 督办 transitions of an order. */
    long supervisions(long orderId) {
        return jdbc.sql("SELECT count(*) FROM workorder_transition WHERE order_id = :id AND action = 'SUPERVISE'")
                .param("id", orderId).query(Long.class).single();
    }

    /** Notices in a user's inbox about an order whose message key starts with {@code keyPrefix}. */
    long notices(String username, String keyPrefix, long orderId) {
        return jdbc.sql("SELECT count(*) FROM notify_inbox WHERE user_id = :user AND template_key LIKE :key AND link = :link")
                .param("user", userId(username)).param("key", keyPrefix + "%").param("link", "/work-orders/" + orderId)
                .query(Long.class).single();
    }

    long history(long orderId, ClockEntry.Kind kind) {
        return clocks.history(orderId).stream().filter(e -> e.kind() == kind).count();
    }

    /** Moves the clock to a minute after {@code instant}. */
    Instant justAfter(Instant instant) {
        clock.moveTo(instant.plus(Duration.ofMinutes(1)));
        return clock.instant();
    }
}
