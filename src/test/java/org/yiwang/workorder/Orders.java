package org.yiwang.workorder;

import org.yiwang.catalog.Urgency;

import org.yiwang.platform.Actor;
import org.yiwang.platform.DataScope;
import org.yiwang.platform.Role;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Orders in every state of the lifecycle, built by walking the main line. */
final class Orders {

    static final Instant T0 = Instant.parse("2026-11-23T01:00:00Z"); // Monday 09:00 in Nanjing
    static final DeadlinePolicy DEADLINES = new FixedDeadlines();
    static final Actor RESIDENT = actor(10, Role.RESIDENT);
    static final Actor DISPATCHER = actor(20, Role.DISPATCHER);
    static final Actor HANDLER = actor(30, Role.HANDLER);
    static final Actor GRID_WORKER = actor(40, Role.GRID_WORKER);
    /** A handler of unit 8, the co-handling unit (协办) of {@link #urbanManagement()}. */
    static final Actor CO_HANDLER = new Actor(50, "co-handler", "协办人", Set.of(Role.HANDLER), 8L, "unit 8", DataScope.division("320104"), false);
    static final Place FUZIMIAO = new Place(32.02, 118.79, "320104002001001", "320104002001", "320104002", "320104");

    private Orders() {
    }

    static Actor actor(long id, Role role) {
        return new Actor(id, role.name().toLowerCase(), role.name(), Set.of(role), 1L, "unit", DataScope.division("320104"), false);
    }

    static WorkOrder reportedInFuzimiao() {
        NewReport report = new NewReport("井盖缺失，有人差点踩空", "C01002", FUZIMIAO, "夫子庙贡院街 12 号", Source.RESIDENT,
                Urgency.NORMAL, null, "13912345678", List.of("photo-before"), "client-1", List.of());
        return WorkOrder.report(report, "YW202611230001", RESIDENT, T0, DEADLINES);
    }

    static Assignment urbanManagement() {
        return new Assignment(7, "秦淮区城管局", null, "DISTRICT", List.of(8L), List.of("DL-C01002-DISTRICT"));
    }

    static WorkOrder in(WorkOrderStatus status) {
        WorkOrder order = reportedInFuzimiao();
        Instant t = T0;
        switch (status) {
            case REPORTED -> { }
            case VOIDED -> order.voidReport(DISPATCHER, t.plusSeconds(60), "重复上报");
            case REGISTERED -> register(order, t);
            case DISPATCHED -> dispatch(order, t);
            case ACCEPTED -> accept(order, t);
            case HANDLED -> handle(order, t);
            case VERIFYING -> verifying(order, t);
            case CLOSED -> close(order, t);
            case EVALUATED -> {
                close(order, t);
                order.evaluate(Satisfaction.SATISFIED, RESIDENT, t.plus(Duration.ofMinutes(70)), "很快");
            }
        }
        return order;
    }

    private static void register(WorkOrder order, Instant t) {
        order.register("C01002", Urgency.NORMAL, DISPATCHER, t.plus(Duration.ofMinutes(5)), "", DEADLINES);
    }

    private static void dispatch(WorkOrder order, Instant t) {
        register(order, t);
        order.dispatch(urbanManagement(), DISPATCHER, t.plus(Duration.ofMinutes(10)), "", DEADLINES);
    }

    private static void accept(WorkOrder order, Instant t) {
        dispatch(order, t);
        order.accept(HANDLER, t.plus(Duration.ofMinutes(15)), "");
    }

    private static void handle(WorkOrder order, Instant t) {
        accept(order, t);
        order.reportAssist(8L, CO_HANDLER, t.plus(Duration.ofMinutes(30)), "已配合清理现场", List.of("photo-assist"));
        order.handle(HANDLER, t.plus(Duration.ofMinutes(40)), "已更换井盖", List.of("photo-after"), DEADLINES);
    }

    private static void verifying(WorkOrder order, Instant t) {
        handle(order, t);
        order.requestVerification(DISPATCHER, t.plus(Duration.ofMinutes(45)), "");
    }

    private static void close(WorkOrder order, Instant t) {
        verifying(order, t);
        order.approve(GRID_WORKER, t.plus(Duration.ofMinutes(55)), "现场已恢复", List.of("photo-check"));
        order.close(DISPATCHER, t.plus(Duration.ofMinutes(60)), "");
    }
}
