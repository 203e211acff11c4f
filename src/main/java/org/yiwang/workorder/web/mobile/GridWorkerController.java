package org.yiwang.workorder.web.mobile;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yiwang.geo.GridLocator;
import org.yiwang.geo.GridSummary;
import org.yiwang.geo.Grids;
import org.yiwang.platform.Actor;
import org.yiwang.platform.Actors;
import org.yiwang.platform.LocalizedException;
import org.yiwang.platform.Role;
import org.yiwang.workorder.ActOnOrder;
import org.yiwang.workorder.Action;
import org.yiwang.workorder.OrderFilter;
import org.yiwang.workorder.PhotoStore;
import org.yiwang.workorder.WorkOrder;
import org.yiwang.workorder.WorkOrderActions;
import org.yiwang.workorder.WorkOrderQueries;
import org.yiwang.workorder.WorkOrderStatus;

import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The grid worker's day (网格员今日): their grid on a map with its open orders, the handled orders
 * waiting for their on-site check (核查), what they reported today; and the check itself — approve
 * (核查通过, a request to close) or send back for rework (返工) with a reason and photos; and the orders
 * routed to the worker (or to their community's office, for community staff), to sign for (签收), handle
 * (处置反馈, with photos from the camera) or return (回退, with a reason) from the phone.
 */
@Controller
@RequestMapping("/m/grid")
class GridWorkerController {

    static final int MAX_ORDERS_ON_MAP = 200;

    /** The actions of the unit an order is with, as the phone offers them. */
    static final java.util.Set<Action> ASSIGNEE_ACTIONS = java.util.EnumSet.of(Action.ACCEPT, Action.HANDLE, Action.RETURN);

    private final Grids grids;
    private final GridLocator locator;
    private final WorkOrderQueries queries;
    private final WorkOrderActions actions;
    private final PhotoStore photos;
    private final OrderViews views;
    private final MessageSource messages;
    private final Clock clock;
    private final JsonMapper json;

    GridWorkerController(Grids grids, GridLocator locator, WorkOrderQueries queries, WorkOrderActions actions, PhotoStore photos,
                         OrderViews views, MessageSource messages, Clock clock, JsonMapper json) {
        this.json = json;
        this.grids = grids;
        this.locator = locator;
        this.queries = queries;
        this.actions = actions;
        this.photos = photos;
        this.views = views;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping
    String today(Model model) {
        Actor actor = Actors.requireAny(Role.GRID_WORKER, Role.COMMUNITY_STAFF);
        List<GridSummary> mine = grids.gridsOf(actor.userId());
        List<Map<String, Object>> outlines = new ArrayList<>();
        List<WorkOrder> open = new ArrayList<>();
        List<WorkOrder> verifying = new ArrayList<>();
        long openTotal = 0;
        for (GridSummary grid : mine) {
            locator.grid(grid.code()).ifPresent(g -> outlines.add(Map.of("code", g.code(), "name", g.grid().name(),
                    "rings", GridOutlines.rings(g.geometry()))));
            WorkOrderQueries.Page page = queries.list(filter(null, true, grid.code(), null), 0, MAX_ORDERS_ON_MAP, actor);
            open.addAll(page.content());
            openTotal += page.totalElements();
            verifying.addAll(queries.list(filter(WorkOrderStatus.VERIFYING, null, grid.code(), null), 0, 50, actor).content());
        }
        verifying.sort(Comparator.comparing(WorkOrder::stageDueAt, Comparator.nullsLast(Comparator.naturalOrder())));
        java.time.Instant startOfDay = LocalDate.now(clock.withZone(OrderViews.ZONE)).atStartOfDay(OrderViews.ZONE).toInstant();
        WorkOrderQueries.Page reportedToday = queries.list(new OrderFilter(null, null, null, null, null, startOfDay, null, null, true, null),
                0, 20, actor);
        List<OrderView> openViews = open.stream().map(views::summary).toList();
        model.addAttribute("assigned", assignedTo(actor).stream().map(views::summary).toList());
        model.addAttribute("grids", mine);
        model.addAttribute("outlines", outlines);
        model.addAttribute("gridJson", PageJson.write(json, Map.of("outlines", outlines,
                "markers", openViews.stream().map(GridWorkerController::marker).toList())));
        model.addAttribute("openOrders", openViews);
        model.addAttribute("openTotal", openTotal);
        model.addAttribute("verifying", verifying.stream().map(views::summary).toList());
        model.addAttribute("reportedToday", reportedToday.content().stream()
                .filter(o -> o.reporterUserId() != null && o.reporterUserId() == actor.userId()).map(views::summary).toList());
        return "workorder/mobile/grid";
    }

    /** Open orders with the reader or their unit on which they may act now (sign for, handle, return), due first. */
    private List<WorkOrder> assignedTo(Actor actor) {
        return queries.list(new OrderFilter(null, true, null, null, null, null, null, null, true, null),
                        WorkOrderQueries.OrderSort.DUE_FIRST, 0, MAX_ORDERS_ON_MAP, actor).content().stream()
                .filter(o -> WorkOrderQueries.allowedActions(o, actor).stream().anyMatch(ASSIGNEE_ACTIONS::contains))
                .toList();
    }

    @GetMapping("/orders/{id}")
    String order(@PathVariable long id, Model model) {
        Actor actor = Actors.requireAny(Role.GRID_WORKER, Role.COMMUNITY_STAFF);
        model.addAttribute("order", views.detail(queries.detail(id, actor)));
        return "workorder/mobile/verify";
    }

    /** The steps the phone takes on an order: 核查通过 / 返工 for verification, 签收 / 处置 / 回退 for the assignee. */
    private static final java.util.Set<Action> PHONE_ACTIONS = java.util.EnumSet.of(Action.APPROVE, Action.REWORK, Action.ACCEPT,
            Action.HANDLE, Action.RETURN);

    /** Photos go with the steps that show a result; the others take a note only. */
    private static final java.util.Set<Action> WITH_PHOTOS = java.util.EnumSet.of(Action.APPROVE, Action.REWORK, Action.HANDLE);

    @PostMapping("/orders/{id}/{step:approve|rework|accept|handle|return}")
    String step(@PathVariable long id, @PathVariable String step, @RequestParam(required = false) String note,
                @RequestParam(name = "photos", required = false) List<MultipartFile> files,
                @RequestParam(required = false) Integer version, Model model, RedirectAttributes redirect,
                HttpServletResponse response) {
        Action action = Action.fromPathSegment(step).filter(PHONE_ACTIONS::contains).orElseThrow();
        return act(id, action, note, WITH_PHOTOS.contains(action) ? files : List.of(), version, model, redirect, response);
    }

    private String act(long id, Action action, String note, List<MultipartFile> files, Integer version, Model model,
                       RedirectAttributes redirect, HttpServletResponse response) {
        Actor actor = Actors.requireAny(Role.GRID_WORKER, Role.COMMUNITY_STAFF);
        try {
            if (note != null && note.length() > 1000) {
                throw LocalizedException.badRequest("mobile.error.noteTooLong", 1000);
            }
            List<String> ids = store(files, actor);
            WorkOrder order = actions.perform(id, action, new ActOnOrder(note, ids, null, null, null, List.of(), null, null, null, version), actor);
            redirect.addFlashAttribute("flashSuccess", messages.getMessage("mobile.verify.done." + action.name(),
                    new Object[]{order.number()}, LocaleContextHolder.getLocale()));
            return "redirect:/m/grid";
        } catch (LocalizedException e) {
            if (e.status().value() == 404) {
                throw e;
            }
            response.setStatus(e.status().value());
            model.addAttribute("error", messages.getMessage(e.messageKey(), e.args(), e.messageKey(), LocaleContextHolder.getLocale()));
            model.addAttribute("failedAction", action.name());
            model.addAttribute("note", note);
            model.addAttribute("order", views.detail(queries.detail(id, actor)));
            return "workorder/mobile/verify";
        }
    }

    private List<String> store(List<MultipartFile> files, Actor actor) {
        List<MultipartFile> fresh = files == null ? List.of() : files.stream().filter(f -> f != null && !f.isEmpty()).toList();
        if (fresh.size() > ReportPageController.MAX_PHOTOS) {
            throw LocalizedException.badRequest("mobile.error.tooManyPhotos", ReportPageController.MAX_PHOTOS);
        }
        List<String> ids = new ArrayList<>();
        for (MultipartFile file : fresh) {
            try {
                ids.add(photos.store(file.getBytes(), actor.userId()).id());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return ids;
    }

    private static OrderFilter filter(WorkOrderStatus status, Boolean open, String area, Boolean mine) {
        return new OrderFilter(status, open, null, null, area, null, null, null, mine, null);
    }

    private static Map<String, Object> marker(OrderView o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", o.id());
        m.put("number", o.number());
        m.put("lat", o.lat());
        m.put("lon", o.lon());
        m.put("light", o.light());
        m.put("status", o.statusText());
        m.put("category", o.category());
        m.put("verify", WorkOrderStatus.VERIFYING.name().equals(o.status()));
        return m;
    }
}
