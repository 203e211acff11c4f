package org.yiwang.workorder.web.mobile;

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
import org.yiwang.workorder.PhotoStore;
import org.yiwang.workorder.ReportProblem;
import org.yiwang.workorder.Satisfaction;
import org.yiwang.workorder.Source;
import org.yiwang.workorder.WorkOrder;
import org.yiwang.workorder.WorkOrderActions;

import java.util.List;
import java.util.UUID;

/**
 * Orders in the field for the mobile and command-centre tests, made through the real intake and
 * lifecycle: in the demo grid worker's grid in 夫子庙街道, or in 红花街道 next door; with a category that
 * routing sends to the demo handler's department, so that reports are dispatched at once.
 */
public final class FieldOrders {

    /** The first bytes of a JPEG: enough for the photo store, which reads the type from them. */
    public static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 2, 3};

    private final Intake intake;
    private final WorkOrderActions actions;
    private final PhotoStore photos;
    private final People people;
    private final Grids grids;
    private final GridLocator locator;
    private final Router router;
    private final Catalog catalog;

    private FieldOrders(ApplicationContext context) {
        this.intake = context.getBean(Intake.class);
        this.actions = context.getBean(WorkOrderActions.class);
        this.photos = context.getBean(PhotoStore.class);
        this.people = context.getBean(People.class);
        this.grids = context.getBean(Grids.class);
        this.locator = context.getBean(GridLocator.class);
        this.router = context.getBean(Router.class);
        this.catalog = context.getBean(Catalog.class);
    }

    public static FieldOrders of(ApplicationContext context) {
        return new FieldOrders(context);
    }

    public Actor actor(String username) {
        return people.actorOf(username).orElseThrow();
    }

    /** The grid the demo grid worker patrols, in 夫子庙街道. */
    public IndexedGrid gridWorkersGrid() {
        long gridWorker = people.findByUsername("gridworker").orElseThrow().id();
        return locator.grid(grids.gridsOf(gridWorker).getFirst().code()).orElseThrow();
    }

    /** A comprehensive grid in 红花街道 (320104003), the other demo dispatcher's street. */
    public IndexedGrid honghuaGrid() {
        return locator.grid(grids.comprehensiveGridCodes("320104003").getFirst()).orElseThrow();
    }

    public static double[] inside(IndexedGrid grid) {
        Point p = grid.geometry().getInteriorPoint();
        return new double[]{p.getY(), p.getX()};
    }

    /** A category that routing sends to the demo handler's department (城市管理局) in the grid worker's grid. */
    public String handlerCategory() {
        IndexedGrid grid = gridWorkersGrid();
        long unit = people.findByUsername("handler").orElseThrow().orgUnitId();
        return catalog.categories().stream().filter(Category::enabled).map(Category::code)
                .filter(c -> {
                    RoutingDecision d = router.route(new RouteRequest(c, grid.code(), grid.community().code(),
                            grid.street().code(), grid.district().code()));
                    return d.routed() && d.orgUnitId() == unit;
                })
                .findFirst().orElseThrow();
    }

    /** A small matter (即发即处) a grid worker may close where they found it. */
    public Category smallMatter() {
        return catalog.categories().stream().filter(c -> c.enabled() && c.smallMatter()).findFirst().orElseThrow();
    }

    /** A category that is not a small matter. */
    public Category notSmallMatter() {
        return catalog.categories().stream().filter(c -> c.enabled() && !c.smallMatter()).findFirst().orElseThrow();
    }

    public String photo(String username) {
        return photos.store(JPEG, actor(username).userId()).id();
    }

    /** A resident's report with a photo, dispatched at once to the handler's department. */
    public WorkOrder reportedByResident(String description) {
        return reportIn(gridWorkersGrid(), description, handlerCategory(), "resident", List.of(photo("resident")));
    }

    public WorkOrder reportIn(IndexedGrid grid, String description, String category, String username, List<String> photoIds) {
        double[] p = inside(grid);
        return intake.report(new ReportProblem(description, category, p[0], p[1], null, null, null, null, null, null,
                photoIds, UUID.randomUUID().toString()), actor(username)).order();
    }

    /** Reported by the resident, handled by the department with an after photo, and waiting for the grid worker's check. */
    public WorkOrder waitingForOnSiteCheck(String description) {
        WorkOrder order = reportedByResident(description);
        act(order, Action.ACCEPT, ActOnOrder.note(null), "handler");
        act(order, Action.HANDLE, new ActOnOrder("已修复并清理现场", List.of(photo("handler")), null, null, null, List.of(), null, null, null, null), "handler");
        return act(order, Action.REQUEST_VERIFICATION, ActOnOrder.note(null), "dispatcher");
    }

    /** Checked on site and closed by the command centre: the resident may rate it. */
    public WorkOrder closed(String description) {
        WorkOrder order = waitingForOnSiteCheck(description);
        act(order, Action.APPROVE, ActOnOrder.note("现场已修复"), "gridworker");
        return act(order, Action.CLOSE, ActOnOrder.note(null), "dispatcher");
    }

    public WorkOrder rated(String description, Satisfaction satisfaction) {
        WorkOrder order = closed(description);
        return act(order, Action.EVALUATE, new ActOnOrder("谢谢", List.of(), null, null, null, List.of(), null, satisfaction, null, null), "resident");
    }

    public WorkOrder act(WorkOrder order, Action action, ActOnOrder request, String username) {
        return actions.perform(order.id(), action, request, actor(username));
    }
}
