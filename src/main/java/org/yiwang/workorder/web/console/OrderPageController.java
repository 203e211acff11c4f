package org.yiwang.workorder.web.console;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yiwang.catalog.Catalog;
import org.yiwang.catalog.Category;
import org.yiwang.catalog.Urgency;
import org.yiwang.dispatch.RouteRequest;
import org.yiwang.dispatch.Router;
import org.yiwang.dispatch.RoutingDecision;
import org.yiwang.people.OrgUnit;
import org.yiwang.people.Organization;
import org.yiwang.platform.Actor;
import org.yiwang.platform.LocalizedException;
import org.yiwang.platform.PersonalData;
import org.yiwang.platform.Role;
import org.yiwang.whistle.BlowWhistle;
import org.yiwang.whistle.Whistle;
import org.yiwang.whistle.WhistleActions;
import org.yiwang.whistle.WhistleKind;
import org.yiwang.whistle.WhistleQueries;
import org.yiwang.whistle.WhistleStatus;
import org.yiwang.workorder.ActOnOrder;
import org.yiwang.workorder.Action;
import org.yiwang.workorder.OrderFilter;
import org.yiwang.workorder.PhotoStore;
import org.yiwang.workorder.Satisfaction;
import org.yiwang.workorder.Transition;
import org.yiwang.workorder.OrderContacts;
import org.yiwang.workorder.WorkOrder;
import org.yiwang.workorder.WorkOrderActions;
import org.yiwang.workorder.WorkOrderQueries;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 工单详情 — one order for staff: its facts, light and due time, photos, full timeline, and a form for
 * every action the reader may take now (立案、派遣 with routing's suggestion and its reasons、签收、处置反馈
 * with photos、回退、延时、核查、结案、督办、合并、作废、吹哨). Every form is a plain POST with CSRF that
 * answers with a flash message; bad input shows the page again with the reason next to the form.
 */
@Controller
class OrderPageController {

    private final WorkOrderQueries queries;
    private final WorkOrderActions actions;
    private final PhotoStore photos;
    private final Router router;
    private final Catalog catalog;
    private final Organization organization;
    private final WhistleActions whistleActions;
    private final WhistleQueries whistles;
    private final ConsoleOrders orders;
    private final MessageSource messages;

    private final OrderContacts contacts;

    private final org.yiwang.catalog.DutyList dutyList;

    private final org.yiwang.workorder.Supporters supporters;

    OrderPageController(WorkOrderQueries queries, WorkOrderActions actions, PhotoStore photos, Router router, Catalog catalog,
                        Organization organization, WhistleActions whistleActions, WhistleQueries whistles,
                        ConsoleOrders orders, MessageSource messages, OrderContacts contacts,
                        org.yiwang.workorder.Supporters supporters, org.yiwang.catalog.DutyList dutyList) {
        this.dutyList = dutyList;
        this.supporters = supporters;
        this.contacts = contacts;
        this.queries = queries;
        this.actions = actions;
        this.photos = photos;
        this.router = router;
        this.catalog = catalog;
        this.organization = organization;
        this.whistleActions = whistleActions;
        this.whistles = whistles;
        this.orders = orders;
        this.messages = messages;
    }

    /**
     * What an action form sends; every field is optional and which ones matter depends on the action.
     *
     * @param until       {@code datetime-local} value in China Standard Time
     * @param masterNumber the number of the order to merge into (合并)
     * @param mode        for dispatch: {@code suggested} (routing's unit) or {@code override} (the chosen unit)
     * @param returnTo    a console path to go back to afterwards (e.g. the list the action was taken from)
     */
    record ActionInput(String note, String categoryCode, String urgency, Long orgUnitId, String until, String masterNumber,
                       String satisfaction, Integer version, String mode, String returnTo, String dutyItem) {

        static final ActionInput EMPTY = new ActionInput(null, null, null, null, null, null, null, null, null, null, null);
    }

    /** A duty-list item a 退单 may cite, for the form's list of suggestions. */
    record DutyItem(String value) {
    }

    /** The 吹哨 form. */
    record WhistleInput(String kind, String reason, List<Long> departmentIds) {

        static final WhistleInput EMPTY = new WhistleInput(null, null, List.of());
    }

    /** Routing's suggestion for the dispatch form, its reasons in the reader's language. */
    record Suggestion(boolean routed, String unitName, Long unitId, String level, List<String> assists, List<String> reasons) {
    }

    /** A unit the dispatcher may choose instead of the suggestion. */
    record UnitChoice(long id, String name) {
    }

    /** A category the sorter suggested at intake, with its confidence. */
    record SuggestedCategory(String code, String name, String confidence, String evidence) {
    }

    @GetMapping("/console/orders/{id}")
    String order(@PathVariable long id, Model model) {
        Actor actor = ConsoleAccess.staff();
        return render(id, actor, model, ActionInput.EMPTY, null, null, WhistleInput.EMPTY);
    }

    /** The options of the category picker for a search, as an htmx fragment. */
    @GetMapping("/console/categories")
    String categories(@RequestParam(required = false) String q, @RequestParam(required = false) String selected, Model model) {
        ConsoleAccess.staff();
        model.addAttribute("categoryGroups", categoryGroups(q));
        model.addAttribute("selectedCategory", selected);
        return "workorder/console/parts :: categoryOptions";
    }

    @PostMapping("/console/orders/{id}/{action}")
    String act(@PathVariable long id, @PathVariable("action") String segment, @ModelAttribute ActionInput input,
               @RequestParam(name = "photos", required = false) List<MultipartFile> files, Model model,
               RedirectAttributes redirect, HttpServletResponse response, jakarta.servlet.http.HttpServletRequest http) {
        Actor actor = ConsoleAccess.staff();
        Action action = Action.fromPathSegment(segment).filter(a -> a != Action.REPORT)
                .orElseThrow(() -> LocalizedException.notFound("workorder.error.unknownAction", segment));
        WorkOrder order = queries.get(id, actor);
        try {
            ActOnOrder request = request(action, input, files, actor, assists(http));
            WorkOrder done = actions.perform(id, action, request, actor);
            redirect.addFlashAttribute("flashSuccess", label("console.done", done.number(), label("workorder.action." + action.name())));
            return "redirect:" + (input.returnTo() != null || stillVisible(id, actor) ? returnTo(input.returnTo(), id) : listOf(actor));
        } catch (LocalizedException e) {
            return failed(e, id, actor, model, response, redirect, input, action.pathSegment(), WhistleInput.EMPTY, order);
        } catch (org.springframework.dao.OptimisticLockingFailureException e) {
            redirect.addFlashAttribute("flashError", label("error.concurrentChange"));
            return "redirect:/console/orders/" + id;
        }
    }

    @PostMapping("/console/orders/{id}/whistle")
    String blow(@PathVariable long id, @ModelAttribute WhistleInput input, Model model, RedirectAttributes redirect,
                HttpServletResponse response) {
        Actor actor = ConsoleAccess.staff();
        WorkOrder order = queries.get(id, actor);
        try {
            Whistle whistle = whistleActions.blow(id, BlowWhistle.of(input.kind(), input.reason(),
                    input.departmentIds() == null ? List.of() : input.departmentIds()), actor);
            redirect.addFlashAttribute("flashSuccess", label("console.whistle.done", whistle.number(), order.number()));
            return "redirect:/console/orders/" + id;
        } catch (LocalizedException e) {
            return failed(e, id, actor, model, response, redirect, ActionInput.EMPTY, "whistle", input, order);
        }
    }

    /** 查看联系方式: the reporter's contact and words as typed, after a reason that is recorded. */
    @PostMapping("/console/orders/{id}/contact")
    String contact(@PathVariable long id, @RequestParam(required = false) String reason, Model model, HttpServletResponse response) {
        Actor actor = ConsoleAccess.staff();
        try {
            OrderContacts.Contact contact = contacts.reveal(id, actor, reason);
            String view = render(id, actor, model, ActionInput.EMPTY, null, null, WhistleInput.EMPTY);
            model.addAttribute("contact", contact);
            return view;
        } catch (LocalizedException e) {
            if (e.status().value() != 400) {
                throw e;
            }
            response.setStatus(400);
            String view = render(id, actor, model, ActionInput.EMPTY, null, null, WhistleInput.EMPTY);
            model.addAttribute("contactError", label(e.messageKey(), e.args()));
            return view;
        }
    }

    /**
     * Bad input (400, 413, 422) shows the page again with the reason at the form and what was typed; a
     * refusal (403) is the error page; a conflict (409: someone else acted first) goes back to the order
     * with the reason as a flash message.
     */
    private String failed(LocalizedException e, long id, Actor actor, Model model, HttpServletResponse response,
                          RedirectAttributes redirect, ActionInput input, String form, WhistleInput whistleInput, WorkOrder order) {
        String message = label(e.messageKey(), e.args());
        int status = e.status().value();
        if (status == 403) {
            throw e;
        }
        if (status == 409) {
            redirect.addFlashAttribute("flashError", message);
            return "redirect:/console/orders/" + id;
        }
        response.setStatus(status == 404 ? 400 : status);
        model.addAttribute("flashError", message);
        return render(order.id(), actor, model, input, form, message, whistleInput);
    }

    private String render(long id, Actor actor, Model model, ActionInput input, String failedForm, String error,
                          WhistleInput whistleInput) {
        WorkOrderQueries.OrderDetail detail = queries.detail(id, actor);
        WorkOrder order = detail.order();
        ConsoleOrders.Page page = orders.page(order, detail.history(), actor);
        List<ActionForm> forms = ActionForm.forms(detail.allowedActions().stream().filter(a -> sensible(a, order)).toList());
        model.addAttribute("page", page);
        model.addAttribute("residentsAffected", supporters.residentsAffected(id));
        model.addAttribute("forms", forms);
        model.addAttribute("input", input);
        model.addAttribute("failedForm", failedForm);
        model.addAttribute("formError", error);
        model.addAttribute("urgencies", Urgency.values());
        model.addAttribute("satisfactions", Satisfaction.values());
        if (detail.allowedActions().contains(Action.REGISTER)) {
            List<SuggestedCategory> suggested = suggestedCategories(detail.history());
            model.addAttribute("suggestedCategories", suggested);
            model.addAttribute("categoryGroups", categoryGroups(null));
            String selected = input.categoryCode() != null ? input.categoryCode()
                    : order.categoryCode() != null ? order.categoryCode()
                    : suggested.isEmpty() ? null : suggested.getFirst().code();
            model.addAttribute("selectedCategory", selected);
        }
        if (detail.allowedActions().contains(Action.DISPATCH)) {
            model.addAttribute("suggestion", suggestion(order));
        }
        if (detail.allowedActions().contains(Action.DISPATCH) || detail.allowedActions().contains(Action.RULE)) {
            Map<String, List<UnitChoice>> choices = unitChoices(order, actions.dispatchTargets(order, actor));
            model.addAttribute("unitChoices", choices);
            model.addAttribute("assistChoices", choices.values().stream().flatMap(List::stream).distinct().toList());
            model.addAttribute("suggestedAssists", suggestedAssists(order));
            model.addAttribute("assistParts", order.coHandlers().stream().collect(java.util.stream.Collectors.toMap(
                    org.yiwang.workorder.CoHandler::orgUnitId, org.yiwang.workorder.CoHandler::part, (a, b) -> a)));
        }
        if (detail.allowedActions().stream().anyMatch(a -> a == Action.RETURN || a == Action.ASSIST_RETURN || a == Action.CONTEST)) {
            model.addAttribute("dutyItems", dutyItems(order));
        }
        List<Whistle> onOrder = whistles.list(new WhistleQueries.Filter(null, null, null, null, null, id), 0, 20, actor).content();
        model.addAttribute("whistles", onOrder);
        model.addAttribute("whistleReasons", onOrder.stream().collect(java.util.stream.Collectors.toMap(
                Whistle::id, w -> java.util.Objects.toString(PersonalData.maskText(w.reason()), ""))));
        boolean mayBlow = order.status().isOpen() && actor.hasAny(Role.DISPATCHER, Role.ADMIN)
                && order.streetCode() != null && actor.scope().covers(order.streetCode())
                && onOrder.stream().noneMatch(w -> w.status() == WhistleStatus.OPEN);
        model.addAttribute("mayBlow", mayBlow);
        boolean somethingMasked = order.reporterName() != null || order.reporterPhone() != null
                || order.description() != null && !PersonalData.maskText(order.description()).equals(order.description());
        model.addAttribute("mayAskContact", OrderContacts.mayAsk(actor) && somethingMasked);
        if (mayBlow) {
            model.addAttribute("whistleKinds", WhistleKind.values());
            model.addAttribute("whistleDepartments", organization.departmentsOf(order.districtCode()).stream()
                    .filter(OrgUnit::enabled).toList());
            model.addAttribute("whistleInput", whistleInput);
        }
        return "workorder/console/order";
    }

    /**
     * The co-handlers a dispatch or ruling form names: each row sends {@code assistUnit} (the unit), {@code assistPart}
     * and {@code assistDays}; only the units also ticked in {@code assistOn} are taken. Read from the request because
     * the rows are parallel lists whose texts may hold commas.
     */
    private static List<org.yiwang.workorder.AssistTerms> assists(jakarta.servlet.http.HttpServletRequest http) {
        String[] units = http.getParameterValues("assistUnit");
        String[] parts = http.getParameterValues("assistPart");
        String[] days = http.getParameterValues("assistDays");
        java.util.Set<String> on = java.util.Set.of(java.util.Objects.requireNonNullElse(http.getParameterValues("assistOn"), new String[0]));
        List<org.yiwang.workorder.AssistTerms> terms = new ArrayList<>();
        for (int i = 0; units != null && i < units.length; i++) {
            if (!on.contains(units[i])) {
                continue;
            }
            String d = days != null && i < days.length ? days[i].strip() : "";
            Integer workingDays = null;
            if (!d.isEmpty()) {
                try {
                    workingDays = Integer.valueOf(d);
                } catch (NumberFormatException e) {
                    throw LocalizedException.badRequest("workorder.error.assistDays", org.yiwang.workorder.AssistTerms.MAX_DAYS);
                }
            }
            try {
                terms.add(new org.yiwang.workorder.AssistTerms(Long.parseLong(units[i]), parts != null && i < parts.length ? parts[i] : "",
                        workingDays));
            } catch (NumberFormatException e) {
                throw LocalizedException.badRequest("error.typeMismatch", "assistUnit", units[i]);
            }
        }
        return terms;
    }

    /** Routing's assisting units for the order, ticked in the dispatch form by default. */
    private List<Long> suggestedAssists(WorkOrder order) {
        if (!order.assistOrgUnitIds().isEmpty()) {
            return order.assistOrgUnitIds();
        }
        return router.route(new RouteRequest(order.categoryCode(), order.gridCode(), order.communityCode(), order.streetCode(),
                order.districtCode())).assistOrgUnitIds();
    }

    /** The duty-list items for the order's category: what a 退单 cites. */
    private List<DutyItem> dutyItems(WorkOrder order) {
        if (order.categoryCode() == null) {
            return List.of();
        }
        return dutyList.activeEntries().stream().filter(e -> order.categoryCode().startsWith(e.categoryCode()))
                .map(e -> new DutyItem(e.ruleId() + (e.note() == null ? "" : " " + e.note()))).toList();
    }

    private ActOnOrder request(Action action, ActionInput input, List<MultipartFile> files, Actor actor,
                               List<org.yiwang.workorder.AssistTerms> assists) {
        Urgency urgency = null;
        if (input.urgency() != null && !input.urgency().isBlank()) {
            urgency = Urgency.parse(input.urgency()).orElseThrow(() -> LocalizedException.badRequest("error.typeMismatch", "urgency", input.urgency()));
        }
        Satisfaction satisfaction = null;
        if (input.satisfaction() != null && !input.satisfaction().isBlank()) {
            satisfaction = ConsoleAccess.enumOf(Satisfaction.class, "satisfaction", input.satisfaction());
        }
        java.time.Instant until = null;
        if (action == Action.REQUEST_EXTENSION && input.until() != null && !input.until().isBlank()) {
            until = ConsoleTime.parse(input.until());
            if (until == null) {
                throw LocalizedException.badRequest("console.error.until", input.until());
            }
        }
        Long master = null;
        if (action == Action.MERGE) {
            master = masterId(input.masterNumber(), actor);
        }
        Long unit = action == Action.DISPATCH && "override".equals(input.mode())
                || action == Action.RULE || action == Action.ACCEPT_RETURN || action == Action.REJECT_RETURN ? input.orgUnitId() : null;
        if (action == Action.DISPATCH && "override".equals(input.mode()) && unit == null) {
            throw LocalizedException.badRequest("console.error.unitRequired");
        }
        List<String> photoIds = new ArrayList<>();
        for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
            if (file != null && !file.isEmpty()) {
                try {
                    photoIds.add(photos.store(file.getBytes(), actor.userId()).id());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        boolean withAssists = action == Action.DISPATCH || action == Action.RULE;
        return new ActOnOrder(input.note(), photoIds, QueueController.blankToNull(input.categoryCode()), urgency, unit,
                withAssists ? assists.stream().map(org.yiwang.workorder.AssistTerms::orgUnitId).toList() : List.of(), until, satisfaction,
                master, input.version(), QueueController.blankToNull(input.dutyItem()), withAssists ? assists : List.of());
    }

    /** The id of the order a duplicate is merged into, found by its number within the reader's scope. */
    private Long masterId(String number, Actor actor) {
        String wanted = number == null ? "" : number.strip();
        if (wanted.isEmpty()) {
            throw LocalizedException.badRequest("workorder.error.masterRequired");
        }
        return queries.list(new OrderFilter(null, null, null, null, null, null, null, null, null, wanted), 0, 5, actor)
                .content().stream().filter(o -> o.number().equalsIgnoreCase(wanted)).map(WorkOrder::id).findFirst()
                .orElseThrow(() -> LocalizedException.badRequest("console.error.masterNotFound", wanted));
    }

    private Suggestion suggestion(WorkOrder order) {
        RoutingDecision decision = router.route(new RouteRequest(order.categoryCode(), order.gridCode(), order.communityCode(),
                order.streetCode(), order.districtCode()));
        // level and basis arrive as enum names (DISTRICT, OWNER): shown in the reader's words
        List<String> reasons = decision.reasons().stream()
                .map(r -> messages.getMessage(r.messageKey(), r.args().stream()
                                .map(arg -> messages.getMessage("console.reasonArg." + arg, null, arg, LocaleContextHolder.getLocale()))
                                .toArray(), r.messageKey(), LocaleContextHolder.getLocale()))
                .toList();
        Map<Long, String> names = new LinkedHashMap<>();
        return new Suggestion(decision.routed(), decision.orgUnitName(), decision.orgUnitId(),
                decision.level() == null ? null : label("console.level." + decision.level().name()),
                decision.assistOrgUnitIds().stream().map(u -> orders.unitName(u, names)).toList(), reasons);
    }

    /**
     * The offices of the order's community, street and district, then the departments of its street and district —
     * those the dispatcher may send it to (the duty list's candidates, or units of their territory holding the order).
     */
    private Map<String, List<UnitChoice>> unitChoices(WorkOrder order, java.util.function.Predicate<OrgUnit> allowed) {
        Map<String, List<UnitChoice>> groups = new LinkedHashMap<>();
        String offices = label("console.unitGroup.offices");
        for (String code : new String[]{order.communityCode(), order.streetCode(), order.districtCode()}) {
            if (code != null) {
                organization.officeOf(code).filter(allowed).ifPresent(u ->
                        groups.computeIfAbsent(offices, k -> new ArrayList<>()).add(new UnitChoice(u.id(), u.name())));
            }
        }
        for (String code : new String[]{order.streetCode(), order.districtCode()}) {
            if (code != null) {
                String group = label("console.unitGroup.departments", organization.officeOf(code).map(OrgUnit::name).orElse(code));
                organization.departmentsOf(code).stream().filter(allowed).forEach(u ->
                        groups.computeIfAbsent(group, k -> new ArrayList<>()).add(new UnitChoice(u.id(), u.name())));
            }
        }
        return groups;
    }

    /** Enabled categories matching the search, grouped by major class, as the picker's option groups. */
    Map<String, List<Category>> categoryGroups(String q) {
        Map<String, List<Category>> groups = new LinkedHashMap<>();
        List<Category> found = catalog.search(q, false);
        if (q == null || q.isBlank()) {
            found = found.stream().sorted(java.util.Comparator.comparing(Category::code)).toList();
        }
        for (Category c : found) {
            String group = catalog.majorClass(c.majorClass())
                    .map(m -> m.code() + " " + (ConsoleOrders.english() && m.nameEn() != null ? m.nameEn() : m.name()))
                    .orElse(c.majorClass());
            groups.computeIfAbsent(group, k -> new ArrayList<>()).add(c);
        }
        return groups;
    }

    /** The sorter's suggestions kept in the report's history ("C01002 0.620 井盖/缺失"). */
    private List<SuggestedCategory> suggestedCategories(List<Transition> history) {
        List<SuggestedCategory> found = new ArrayList<>();
        for (Transition t : history) {
            if (t.action() == Action.REPORT && t.details().get("suggestions") instanceof List<?> list) {
                for (Object item : list) {
                    String[] parts = String.valueOf(item).split(" ");
                    if (parts.length >= 2 && Category.isCode(parts[0])) {
                        String percent = percent(parts[1]);
                        found.add(new SuggestedCategory(parts[0], orders.categoryName(parts[0]), percent,
                                parts.length >= 3 ? parts[2].replace('/', '、') : ""));
                    }
                }
            }
        }
        return found;
    }

    /** "0.620" → "62%"; left as it is when it is not a number. */
    private static String percent(String confidence) {
        try {
            return Math.round(Double.parseDouble(confidence) * 100) + "%";
        } catch (NumberFormatException e) {
            return confidence;
        }
    }

    /**
     * Whether offering the action makes sense in the order's situation beyond its state: resume only a
     * suspended order, answer only a pending extension request, close only a verified case.
     */
    private static boolean sensible(Action action, WorkOrder order) {
        return switch (action) {
            case RESUME -> order.suspended();
            case SUSPEND -> !order.suspended();
            case APPROVE_EXTENSION, REJECT_EXTENSION -> order.extensionRequestedUntil() != null;
            case REQUEST_EXTENSION -> order.extensionRequestedUntil() == null;
            case CLOSE -> order.verified();
            default -> true;
        };
    }

    /** Whether the actor can still see the order after acting (a unit that returned it cannot). */
    private boolean stillVisible(long id, Actor actor) {
        try {
            queries.get(id, actor);
            return true;
        } catch (LocalizedException e) {
            return false;
        }
    }

    /** The list the actor works from: the command centre's queue or the unit's inbox. */
    static String listOf(Actor actor) {
        return actor.hasAny(Role.DISPATCHER, Role.ADMIN, Role.LEADER) ? "/console/queue" : "/console/inbox";
    }

    /** Only console paths: a form cannot send the user off-site. */
    private static String returnTo(String path, long id) {
        if (path != null && path.startsWith("/console/") && !path.contains("//") && !path.contains("\\")) {
            return path;
        }
        return "/console/orders/" + id;
    }

    private String label(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
