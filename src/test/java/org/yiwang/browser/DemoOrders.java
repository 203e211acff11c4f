package org.yiwang.browser;

import org.locationtech.jts.geom.Point;
import org.springframework.context.ApplicationContext;
import org.yiwang.catalog.Catalog;
import org.yiwang.catalog.Category;
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
import org.yiwang.workorder.Source;
import org.yiwang.workorder.WorkOrder;
import org.yiwang.workorder.WorkOrderActions;
import org.yiwang.workorder.WorkOrderStatus;

import java.util.List;
import java.util.UUID;

/**
 * Work orders in the demo territory for screen tests, made through the real intake and lifecycle:
 * reports in the demo grid worker's grid in 夫子庙街道 (the demo dispatcher's street), and a category
 * that routing sends to the demo handler's department (秦淮区城市管理局). Made from the test's application
 * context ({@code DemoOrders.of(context)}), so that using it does not change the cached Spring context.
 */
public class DemoOrders {

    private final Intake intake;
    private final WorkOrderActions actions;
    private final People people;
    private final Grids grids;
    private final GridLocator locator;
    private final Router router;
    private final Catalog catalog;

    public DemoOrders(Intake intake, WorkOrderActions actions, People people, Grids grids, GridLocator locator, Router router,
                      Catalog catalog) {
        this.intake = intake;
        this.actions = actions;
        this.people = people;
        this.grids = grids;
        this.locator = locator;
        this.router = router;
        this.catalog = catalog;
    }

    public static DemoOrders of(ApplicationContext context) {
        return new DemoOrders(context.getBean(Intake.class), context.getBean(WorkOrderActions.class), context.getBean(People.class),
                context.getBean(Grids.class), context.getBean(GridLocator.class), context.getBean(Router.class),
                context.getBean(Catalog.class));
    }

    /** The grid the demo grid worker patrols, in 夫子庙街道. */
    public IndexedGrid grid() {
        long gridWorker = people.findByUsername("gridworker").orElseThrow().id();
        return locator.grid(grids.gridsOf(gridWorker).getFirst().code()).orElseThrow();
    }

    /** A category that routing sends to the demo handler's department in that grid. */
    public String handlerCategory() {
        return categoryRoutedTo("handler").orElseThrow();
    }

    /** A category that routing sends, in the demo grid, to the department of the handler {@code username}, if any. */
    public java.util.Optional<String> categoryRoutedTo(String username) {
        IndexedGrid grid = grid();
        long unit = people.findByUsername(username).orElseThrow().orgUnitId();
        return catalog.categories().stream().filter(Category::enabled).map(Category::code)
                .filter(c -> {
                    RoutingDecision d = router.route(new RouteRequest(c, grid.code(), grid.community().code(),
                            grid.street().code(), grid.district().code()));
                    return d.routed() && d.orgUnitId() == unit;
                })
                .findFirst();
    }

    /** A report the dispatcher files under {@code category} and dispatches, as routing decides. */
    public WorkOrder dispatchedUnder(String category, String description) {
        WorkOrder order = reported(description);
        Actor dispatcher = actor("dispatcher");
        act(order.id(), Action.REGISTER, new ActOnOrder(null, List.of(), category, null, null, List.of(), null, null, null, null), dispatcher);
        return act(order.id(), Action.DISPATCH, ActOnOrder.note(null), dispatcher);
    }

    public Actor actor(String username) {
        return people.actorOf(username).orElseThrow();
    }

    /** A resident's report without a category: it waits in the dispatcher's queue (待立案). */
    public WorkOrder reported(String description) {
        Point p = grid().geometry().getInteriorPoint();
        WorkOrder order = intake.report(new ReportProblem(description, null, p.getY(), p.getX(), null, "贡院街 1 号",
                Source.RESIDENT, null, null, "13912345678", List.of(), UUID.randomUUID().toString()), actor("resident")).order();
        if (order.status() != WorkOrderStatus.REPORTED) {
            throw new IllegalStateException("the report was categorised at intake (sorter too confident?): " + order.status());
        }
        return order;
    }

    /** A report filed and dispatched by the dispatcher to the handler's department (待签收). */
    public WorkOrder dispatchedToHandler(String description) {
        WorkOrder order = reported(description);
        Actor dispatcher = actor("dispatcher");
        act(order.id(), Action.REGISTER, new ActOnOrder(null, List.of(), handlerCategory(), null, null, List.of(), null, null, null, null), dispatcher);
        return act(order.id(), Action.DISPATCH, ActOnOrder.note(null), dispatcher);
    }

    /** The order with the handler, signed for (已签收). */
    public WorkOrder acceptedByHandler(String description) {
        WorkOrder order = dispatchedToHandler(description);
        return act(order.id(), Action.ACCEPT, ActOnOrder.note(null), actor("handler"));
    }

    public WorkOrder act(long id, Action action, ActOnOrder request, Actor actor) {
        return actions.perform(id, action, request, actor);
    }
}
