package org.yiwang.workorder.web;

import io.swagger.v3.oas.annotations.media.Schema;
import org.yiwang.platform.ChinaTime;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.yiwang.catalog.Catalog;
import org.yiwang.catalog.Category;
import org.yiwang.catalog.DutyLevel;
import org.yiwang.catalog.Stage;
import org.yiwang.catalog.Urgency;
import org.yiwang.dispatch.RoutingDecision;
import org.yiwang.geo.GridLocator;
import org.yiwang.geo.IndexedGrid;
import org.yiwang.people.OrgUnit;
import org.yiwang.people.Organization;
import org.yiwang.platform.Actor;
import org.yiwang.platform.PageView;
import org.yiwang.platform.PersonalData;
import org.yiwang.platform.RowGuard;
import org.yiwang.workorder.Action;
import org.yiwang.workorder.DeadlinePolicy;
import org.yiwang.workorder.Satisfaction;
import org.yiwang.workorder.Source;
import org.yiwang.workorder.TrafficLight;
import org.yiwang.workorder.Transition;
import org.yiwang.workorder.WorkOrder;
import org.yiwang.workorder.CoHandler;
import org.yiwang.workorder.Dispute;
import org.yiwang.workorder.WorkOrderQueries;
import org.yiwang.workorder.WorkOrderStatus;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * The JSON shape of orders for the API: codes with names, masked reporter phone, the running
 * stage's due time and traffic light, routing reasons in the reader's language. Times carry the
 * +08:00 offset.
 */
@Component
class OrderJson {

    static final ZoneId ZONE = ChinaTime.ZONE;

    private final GridLocator grids;
    private final Catalog catalog;
    private final Organization organization;
    private final DeadlinePolicy deadlines;
    private final MessageSource messages;
    private final Clock clock;
    private final java.util.concurrent.ConcurrentHashMap<Long, CachedName> unitNames = new java.util.concurrent.ConcurrentHashMap<>();

    OrderJson(GridLocator grids, Catalog catalog, Organization organization, DeadlinePolicy deadlines,
              MessageSource messages, Clock clock) {
        this.grids = grids;
        this.catalog = catalog;
        this.organization = organization;
        this.deadlines = deadlines;
        this.messages = messages;
        this.clock = clock;
    }

    /** Where the order is: WGS-84 degrees. */
    @Schema(name = "OrderLocation")
    record Location(double lat, double lon, String crs) {
    }

    /** A category of the urban management catalog by its code, with its name and major class. */
    @Schema(name = "OrderCategory")
    record CategoryRef(String code, String name, String majorClass) {
    }

    /** The order's grid and the divisions above it, codes with names. */
    @Schema(name = "OrderGrid")
    record GridRef(String code, String name, String communityCode, String communityName, String streetCode,
                   String streetName, String districtCode, String districtName) {
    }

    /** An org unit by id and name. */
    @Schema(name = "OrderUnit")
    record Unit(Long id, String name) {
    }

    /** The unit (and person, if any) the order is with. */
    @Schema(name = "OrderAssignee")
    record Assignee(Long id, String name, Long userId) {
    }

    /** Who reported; the phone masked unless the reader may see it. */
    @Schema(name = "OrderReporter")
    record Reporter(String name, String phone) {
    }

    /** A user by id and name. */
    @Schema(name = "OrderActor")
    record Person(long id, String name) {
    }

    /** A photo and where to fetch it. */
    @Schema(name = "OrderPhoto")
    record Photo(String id, String url) {
    }

    /** One transition of the order's history. */
    @Schema(name = "OrderHistoryEntry")
    record HistoryEntry(Action action, String actionLabel, WorkOrderStatus from, WorkOrderStatus to, Person actor, String at,
                        String note, List<Photo> photos,
                        @Schema(description = "facts specific to the action (department, category, new due time, rating …)")
                        Map<String, Object> details) {
    }

    /** One line of why the router decided as it did, in the reader's language. */
    @Schema(name = "RoutingReason")
    record Reason(String rule, String text) {
    }

    /** How intake routed a new order. */
    @Schema(name = "OrderRouting")
    record Routing(boolean routed, RoutingDecision.Outcome outcome, DutyLevel level, Unit department, Long userId,
                   List<Unit> assists, String principle, String ruleId, List<Reason> reasons) {
    }

    /**
     * An order in a list. Times are ISO-8601 with the +08:00 offset. A line that could not be made in
     * full is {@code degraded}: then only id, number, version, status, source, urgency and light NONE.
     */
    @Schema(name = "OrderSummary")
    record Summary(long id, String number, int version, WorkOrderStatus status, String statusLabel, Source source,
                   Urgency urgency, CategoryRef category, String description, String address, Location location,
                   GridRef grid, Assignee assignee, Stage stage, String stageStartedAt, String dueAt, TrafficLight light,
                   Boolean suspended, Integer supervisionCount, String createdAt, String updatedAt, String closedAt,
                   Boolean degraded) {
    }

    /**
     * One order with its history and the actions the reader may take; {@code routing} and
     * {@code replayed} only in the answer to a report.
     */
    @Schema(name = "OrderDetail")
    record Detail(long id, String number, int version, WorkOrderStatus status, String statusLabel, Source source,
                  Urgency urgency, CategoryRef category, String description, String address, Location location,
                  GridRef grid, Assignee assignee, Stage stage, String stageStartedAt, String dueAt, TrafficLight light,
                  boolean suspended, int supervisionCount, String createdAt, String updatedAt, String closedAt,
                  Reporter reporter, List<Unit> assists, String routingLevel, String stageRule,
                  String extensionRequestedUntil, int reworkCount, int returnCount, boolean verified,
                  Satisfaction satisfaction, Long masterOrderId, String handledAt, Boolean handledOnTime,
                  Boolean closedOnTime, List<HistoryEntry> history,
                  @Schema(description = "path segments of the actions the reader may take now") List<String> allowedActions,
                  Routing routing, Boolean replayed, CoHandling coHandling) {

        /** The same detail as the answer to a report: with how it was routed and whether it was a replay. */
        Detail reported(Routing routing, boolean replayed) {
            return new Detail(id, number, version, status, statusLabel, source, urgency, category, description, address,
                    location, grid, assignee, stage, stageStartedAt, dueAt, light, suspended, supervisionCount, createdAt,
                    updatedAt, closedAt, reporter, assists, routingLevel, stageRule, extensionRequestedUntil, reworkCount,
                    returnCount, verified, satisfaction, masterOrderId, handledAt, handledOnTime, closedOnTime, history,
                    allowedActions, routing, replayed, coHandling);
        }
    }

    /**
     * 主办/协办: the lead unit, each co-handler with its part, due time, state and light, the open dispute (争议) waiting
     * for a ruling, the units whose 退单 was accepted once and the units a ruling bound.
     */
    record CoHandling(Unit lead, List<CoHandlerJson> coHandlers, DisputeJson dispute, List<Unit> returnedUnits,
                      List<Unit> boundUnits) {
    }

    /**
     * @param onTime       reported by its due time; null while not reported
     * @param returnReason its 退单 waiting for the dispatcher; null when none
     */
    record CoHandlerJson(Unit unit, String part, String assignedAt, String dueAt, CoHandler.State state, String stateLabel,
                         TrafficLight light, String reportedAt, Boolean onTime, String returnReason, String returnDutyItem) {
    }

    record DisputeJson(Unit unit, boolean lead, Dispute.Origin origin, String originLabel, String reason, String dutyItem,
                       String openedAt, String dueAt, TrafficLight light) {
    }

    CoHandling coHandling(WorkOrder o) {
        Instant now = clock.instant();
        Dispute d = o.dispute();
        return new CoHandling(o.assigneeOrgUnitId() == null ? null : unit(o.assigneeOrgUnitId()),
                o.coHandlers().stream().map(c -> new CoHandlerJson(unit(c.orgUnitId()), c.part(), time(c.assignedAt()), time(c.dueAt()),
                        c.state(), label("workorder.coHandler.state." + c.state().name()), c.light(now, deadlines), time(c.reportedAt()),
                        c.reported() ? c.onTime(now) : null,
                        c.returnRequest() == null ? null : PersonalData.maskText(c.returnRequest().reason()),
                        c.returnRequest() == null ? null : c.returnRequest().dutyItem())).toList(),
                d == null ? null : new DisputeJson(unit(d.orgUnitId()), d.lead(), d.origin(),
                        label("workorder.dispute.origin." + d.origin().name()), PersonalData.maskText(d.reason()), d.dutyItem(),
                        time(d.openedAt()), time(d.dueAt()), d.light(now, deadlines)),
                o.returnedUnits().stream().map(this::unit).toList(), o.boundUnits().stream().map(this::unit).toList());
    }

    Summary summary(WorkOrder o, Actor reader) {
        Instant now = clock.instant();
        long owner = o.reporterUserId() == null ? -1 : o.reporterUserId();
        return new Summary(o.id(), o.number(), o.version(), o.status(), label("workorder.status." + o.status().name()),
                o.source(), o.urgency(), category(o.categoryCode()), PersonalData.textFor(reader, owner, o.description()),
                o.address(), location(o), grid(o), assignee(o), o.stage(), time(o.stageStartedAt()), time(o.stageDueAt()),
                o.light(now, deadlines), o.suspended(), o.supervisionCount(), time(o.createdAt()), time(o.updatedAt()),
                time(o.closedAt()), null);
    }

    Detail detail(WorkOrderQueries.OrderDetail detail, Actor reader) {
        WorkOrder o = detail.order();
        Instant now = clock.instant();
        long owner = o.reporterUserId() == null ? -1 : o.reporterUserId();
        return new Detail(o.id(), o.number(), o.version(), o.status(), label("workorder.status." + o.status().name()),
                o.source(), o.urgency(), category(o.categoryCode()), PersonalData.textFor(reader, owner, o.description()),
                o.address(), location(o), grid(o), assignee(o), o.stage(), time(o.stageStartedAt()), time(o.stageDueAt()),
                o.light(now, deadlines), o.suspended(), o.supervisionCount(), time(o.createdAt()), time(o.updatedAt()),
                time(o.closedAt()),
                new Reporter(PersonalData.nameFor(reader, owner, o.reporterName()), PersonalData.phoneFor(reader, owner, o.reporterPhone())),
                o.assistOrgUnitIds().stream().map(this::unit).toList(), o.routingLevel(), o.stageRule(),
                time(o.extensionRequestedUntil()), o.reworkCount(), o.returnCount(), o.verified(), o.satisfaction(),
                o.masterOrderId(), time(o.handledAt()), o.handledAt() == null ? null : o.handledOnTime(),
                o.closedAt() == null ? null : o.closedOnTime(),
                detail.history().stream().map(this::transition).toList(),
                detail.allowedActions().stream().map(Action::pathSegment).toList(), null, null, coHandling(o));
    }

    Routing routing(RoutingDecision decision) {
        if (decision == null) {
            return null;
        }
        return new Routing(decision.routed(), decision.outcome(), decision.level(),
                decision.orgUnitId() == null ? null : new Unit(decision.orgUnitId(), decision.orgUnitName()),
                decision.userId(), decision.assistOrgUnitIds().stream().map(this::unit).toList(),
                decision.principle() == null ? null : decision.principle().text(), decision.ruleId(),
                decision.reasons().stream()
                        .map(r -> new Reason(r.rule(), messages.getMessage(r.messageKey(), r.args().toArray(), r.messageKey(),
                                LocaleContextHolder.getLocale())))
                        .toList());
    }

    private HistoryEntry transition(Transition t) {
        return new HistoryEntry(t.action(), label("workorder.action." + t.action().name()), t.from(), t.to(),
                new Person(t.actorUserId(), t.actorName()), time(t.at()),
                org.yiwang.workorder.SystemNotes.localize(PersonalData.maskText(t.note()), messages, LocaleContextHolder.getLocale()),
                t.photos().stream().map(id -> new Photo(id, "/api/photos/" + id)).toList(), t.details());
    }

    private static Location location(WorkOrder o) {
        return new Location(o.lat(), o.lon(), "wgs84");
    }

    private GridRef grid(WorkOrder o) {
        IndexedGrid grid = grids.grid(o.gridCode()).orElse(null);
        return new GridRef(o.gridCode(), grid == null ? null : grid.grid().name(), o.communityCode(),
                grid == null ? null : grid.community().name(), o.streetCode(), grid == null ? null : grid.street().name(),
                o.districtCode(), grid == null ? null : grid.district().name());
    }

    private CategoryRef category(String code) {
        if (code == null) {
            return null;
        }
        Category category = catalog.find(code).orElse(null);
        return new CategoryRef(code, category == null ? null : category.name(), category == null ? null : category.majorClass());
    }

    private Assignee assignee(WorkOrder o) {
        if (o.assigneeOrgUnitId() == null) {
            return null;
        }
        return new Assignee(o.assigneeOrgUnitId(), unitName(o.assigneeOrgUnitId()), o.assigneeUserId());
    }

    private Unit unit(Long id) {
        return new Unit(id, unitName(id));
    }

    /** Unit names change rarely and every order view shows one: kept for a minute per node. */
    private String unitName(long id) {
        long now = System.nanoTime();
        CachedName cached = unitNames.get(id);
        if (cached == null || now - cached.loadedAt() > java.util.concurrent.TimeUnit.MINUTES.toNanos(1)) {
            cached = new CachedName(organization.find(id).map(OrgUnit::name).orElse(null), now);
            unitNames.put(id, cached);
        }
        return cached.name();
    }

    private record CachedName(String name, long loadedAt) {
    }

    private String label(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }

    static String time(Instant instant) {
        return instant == null ? null : java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(OffsetDateTime.ofInstant(instant, ZONE).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }

    PageView<Summary> page(WorkOrderQueries.Page page, Actor reader) {
        return PageView.of(RowGuard.each("work order", page.content(), WorkOrder::number, o -> summary(o, reader), OrderJson::degraded),
                page.page(), page.size(), page.totalElements());
    }

    /** A list line that could not be made in full: what the order row itself holds, no light, no names. */
    private static Summary degraded(WorkOrder o) {
        return new Summary(o.id(), o.number(), o.version(), o.status(), null, o.source(), o.urgency(), null, null, null, null,
                null, null, null, null, null, TrafficLight.NONE, null, null, null, null, null, true);
    }
}
