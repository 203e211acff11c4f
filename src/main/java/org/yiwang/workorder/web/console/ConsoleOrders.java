package org.yiwang.workorder.web.console;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.yiwang.catalog.Catalog;
import org.yiwang.catalog.Category;
import org.yiwang.catalog.Urgency;
import org.yiwang.geo.GridLocator;
import org.yiwang.geo.IndexedGrid;
import org.yiwang.people.OrgUnit;
import org.yiwang.people.Organization;
import org.yiwang.platform.Actor;
import org.yiwang.platform.PersonalData;
import org.yiwang.platform.RowGuard;
import org.yiwang.workorder.DeadlinePolicy;
import org.yiwang.workorder.Source;
import org.yiwang.workorder.TrafficLight;
import org.yiwang.workorder.Transition;
import org.yiwang.workorder.WorkOrder;
import org.yiwang.workorder.WorkOrderStatus;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Orders as the console shows them: names instead of codes, the running stage's light and due time in
 * China Standard Time, personal data masked for the reader.
 */
@Component
class ConsoleOrders {

    private final Catalog catalog;
    private final Organization organization;
    private final GridLocator grids;
    private final DeadlinePolicy deadlines;
    private final MessageSource messages;
    private final Clock clock;

    ConsoleOrders(Catalog catalog, Organization organization, GridLocator grids, DeadlinePolicy deadlines,
                  MessageSource messages, Clock clock) {
        this.catalog = catalog;
        this.organization = organization;
        this.grids = grids;
        this.deadlines = deadlines;
        this.messages = messages;
        this.clock = clock;
    }

    /** One line of an order table. */
    record Row(long id, String number, WorkOrderStatus status, String categoryCode, String categoryName, String summary,
               String address, String place, TrafficLight light, String due, String created, String assignee,
               Source source, Urgency urgency, boolean suspended, int supervisionCount, String extensionUntil,
               int returnCount, int reworkCount, List<Long> assists) {
    }

    /** 主办/协办 on the order page: the lead, each co-handler, the open dispute, and who sent it back or was bound. */
    record CoHandlingView(String lead, List<CoHandlerRow> coHandlers, DisputeView dispute, List<String> returned,
                          List<String> bound) {
    }

    /** One co-handling unit (协办单位) with its part, due time, state and light. */
    record CoHandlerRow(long unitId, String unit, String part, String due, String state, TrafficLight light, String reported,
                        boolean late, String returnReason, String returnDutyItem) {
    }

    /** The open 派单争议 and its arbitration limit. */
    record DisputeView(long unitId, String unit, boolean lead, String origin, String reason, String dutyItem, String opened,
                       String due, TrafficLight light) {
    }

    /** A step of the order's history as the timeline shows it. */
    record Step(String action, String from, String to, String actor, String at, String note, List<String> photos,
                List<String> facts) {
    }

    /** Everything the order page shows about the order itself. */
    record Page(Row row, WorkOrder order, String description, String reporterName, String reporterPhone,
                String grid, String community, String street, List<String> assists, String stageStarted,
                String closed, String handled, String satisfaction, List<Step> history, List<String> photos,
                String untilDefault, CoHandlingView coHandling) {
    }

    List<Row> rows(List<WorkOrder> orders) {
        Instant now = clock.instant();
        Map<Long, String> units = new HashMap<>();
        return RowGuard.each("work order", orders, WorkOrder::number, o -> row(o, now, units), ConsoleOrders::degraded);
    }

    /** What a row can always show: number, state and when it came in; the light is NONE, the rest "—". */
    static Row degraded(WorkOrder o) {
        return new Row(o.id(), o.number(), o.status(), o.categoryCode(), null, "—", null, null, TrafficLight.NONE,
                null, ConsoleTime.show(o.createdAt()), null, o.source(), o.urgency(), o.suspended(), o.supervisionCount(),
                null, o.returnCount(), o.reworkCount(), o.assistOrgUnitIds());
    }

    Row row(WorkOrder o, Instant now, Map<Long, String> units) {
        Optional<IndexedGrid> grid = grids.grid(o.gridCode());
        String place = grid.map(g -> g.street().name() + " · " + g.community().name()).orElse(o.gridCode());
        return new Row(o.id(), o.number(), o.status(), o.categoryCode(), categoryName(o.categoryCode()),
                shorten(PersonalData.maskText(o.description()), 60), o.address(), place, o.light(now, deadlines),
                ConsoleTime.show(o.stageDueAt()), ConsoleTime.show(o.createdAt()), unitName(o.assigneeOrgUnitId(), units),
                o.source(), o.urgency(), o.suspended(), o.supervisionCount(), ConsoleTime.show(o.extensionRequestedUntil()),
                o.returnCount(), o.reworkCount(), o.assistOrgUnitIds());
    }

    CoHandlingView coHandling(WorkOrder o, Map<Long, String> units) {
        Instant now = clock.instant();
        List<CoHandlerRow> rows = o.coHandlers().stream().map(c -> new CoHandlerRow(c.orgUnitId(), unitName(c.orgUnitId(), units),
                c.part().isBlank() ? label("console.coHandling.defaultPart") : c.part(), ConsoleTime.show(c.dueAt()),
                label("workorder.coHandler.state." + c.state().name()), c.light(now, deadlines), ConsoleTime.show(c.reportedAt()),
                c.reported() && !c.onTime(now),
                c.returnRequest() == null ? null : PersonalData.maskText(c.returnRequest().reason()),
                c.returnRequest() == null ? null : c.returnRequest().dutyItem())).toList();
        org.yiwang.workorder.Dispute d = o.dispute();
        DisputeView dispute = d == null ? null : new DisputeView(d.orgUnitId(), unitName(d.orgUnitId(), units), d.lead(),
                label("workorder.dispute.origin." + d.origin().name()), PersonalData.maskText(d.reason()), d.dutyItem(),
                ConsoleTime.show(d.openedAt()), ConsoleTime.show(d.dueAt()), d.light(now, deadlines));
        return new CoHandlingView(unitName(o.assigneeOrgUnitId(), units), rows, dispute,
                o.returnedUnits().stream().map(id -> unitName(id, units)).toList(),
                o.boundUnits().stream().map(id -> unitName(id, units)).toList());
    }

    Page page(WorkOrder o, List<Transition> history, Actor reader) {
        Map<Long, String> units = new HashMap<>();
        Optional<IndexedGrid> grid = grids.grid(o.gridCode());
        long owner = o.reporterUserId() == null ? -1 : o.reporterUserId();
        Set<String> photos = new LinkedHashSet<>();
        List<Step> steps = new ArrayList<>();
        for (Transition t : history) {
            photos.addAll(t.photos());
            steps.add(step(t, units));
        }
        Instant suggestedUntil = o.stageDueAt() == null ? null : o.stageDueAt().plus(java.time.Duration.ofDays(3));
        return new Page(row(o, clock.instant(), units), o, PersonalData.textFor(reader, owner, o.description()), PersonalData.nameFor(reader, owner, o.reporterName()),
                PersonalData.phoneFor(reader, owner, o.reporterPhone()),
                grid.map(g -> g.grid().name() + "（" + o.gridCode() + "）").orElse(o.gridCode()),
                grid.map(g -> g.community().name()).orElse(o.communityCode()),
                grid.map(g -> g.street().name()).orElse(o.streetCode()),
                o.assistOrgUnitIds().stream().map(id -> unitName(id, units)).toList(),
                ConsoleTime.show(o.stageStartedAt()), ConsoleTime.show(o.closedAt()), ConsoleTime.show(o.handledAt()),
                o.satisfaction() == null ? null : label("workorder.satisfaction." + o.satisfaction().name()),
                List.copyOf(steps.reversed()), List.copyOf(photos), ConsoleTime.input(suggestedUntil), coHandling(o, units));
    }

    private Step step(Transition t, Map<Long, String> units) {
        List<String> facts = new ArrayList<>();
        Map<String, Object> d = t.details();
        if (d.get("orgUnitName") != null) {
            facts.add(label("console.fact.unit", d.get("orgUnitName")));
        } else if (d.get("orgUnit") instanceof Number unit && CO_HANDLING.contains(t.action())) {
            facts.add(label("console.fact.unit", unitName(unit.longValue(), units)));
        }
        if (d.get("dutyItem") != null) {
            facts.add(label("console.fact.dutyItem", d.get("dutyItem")));
        }
        if (d.get("arbitrationDue") != null) {
            facts.add(label("console.fact.arbitrationDue", timeText(d.get("arbitrationDue"))));
        }
        if (d.get("disputedUnit") instanceof Number unit) {
            facts.add(label("console.fact.disputedUnit", unitName(unit.longValue(), units)));
        }
        if (d.get("assists") instanceof List<?> assists && !assists.isEmpty() && t.action() == org.yiwang.workorder.Action.RULE) {
            facts.add(label("console.fact.assists", String.join("、", assists.stream()
                    .map(a -> a instanceof Number n ? unitName(n.longValue(), units) : String.valueOf(a)).toList())));
        }
        if (d.get("category") != null && t.action() != org.yiwang.workorder.Action.REPORT) {
            facts.add(label("console.fact.category", d.get("category"), categoryName(String.valueOf(d.get("category")))));
        }
        if (d.get("urgency") != null && t.action() == org.yiwang.workorder.Action.REGISTER) {
            facts.add(label("console.fact.urgency", label("console.urgency." + d.get("urgency"))));
        }
        if (d.get("reasons") instanceof List<?> reasons && !reasons.isEmpty()) {
            facts.add(label("console.fact.rules", String.join("、", reasons.stream().map(String::valueOf).toList())));
        }
        if (d.get("until") != null) {
            facts.add(label("console.fact.until", timeText(d.get("until"))));
        }
        if (d.get("dueAfter") != null) {
            facts.add(label("console.fact.due", timeText(d.get("dueAfter"))));
        }
        if (d.get("satisfaction") != null) {
            facts.add(label("console.fact.satisfaction", label("workorder.satisfaction." + d.get("satisfaction"))));
        }
        if (d.get("master") != null) {
            facts.add(label("console.fact.master", d.get("master")));
        }
        if (Boolean.FALSE.equals(d.get("onTime"))) {
            facts.add(label("console.fact.late"));
        }
        return new Step(label("workorder.action." + t.action().name()),
                t.from() == null ? null : label("workorder.status." + t.from().name()),
                label("workorder.status." + t.to().name()), t.actorName(), ConsoleTime.show(t.at()),
                org.yiwang.workorder.SystemNotes.localize(PersonalData.maskText(t.note()), messages, LocaleContextHolder.getLocale()),
                t.photos(), facts);
    }

    /** The actions whose history entry names the unit by id (the unit that reported, sent back or contested). */
    private static final Set<org.yiwang.workorder.Action> CO_HANDLING = java.util.EnumSet.of(org.yiwang.workorder.Action.RETURN,
            org.yiwang.workorder.Action.ASSIST_REPORT, org.yiwang.workorder.Action.ASSIST_RETURN, org.yiwang.workorder.Action.ACCEPT_RETURN,
            org.yiwang.workorder.Action.REJECT_RETURN, org.yiwang.workorder.Action.CONTEST);

    private static String timeText(Object value) {
        try {
            return ConsoleTime.show(Instant.parse(String.valueOf(value)));
        } catch (java.time.format.DateTimeParseException e) {
            return String.valueOf(value);
        }
    }

    String categoryName(String code) {
        if (code == null) {
            return null;
        }
        return catalog.find(code).map(c -> english() && c.nameEn() != null ? c.nameEn() : c.name()).orElse(code);
    }

    String unitName(Long id, Map<Long, String> cache) {
        if (id == null) {
            return null;
        }
        return cache.computeIfAbsent(id, key -> organization.find(key).map(OrgUnit::name).orElse("#" + key));
    }

    String label(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }

    static boolean english() {
        return "en".equals(LocaleContextHolder.getLocale().getLanguage());
    }

    /** The category as a picker shows it. */
    static String display(Category c) {
        return c.code() + " " + (english() && c.nameEn() != null ? c.nameEn() : c.name());
    }

    private static String shorten(String text, int max) {
        if (text == null) {
            return "";
        }
        return text.codePointCount(0, text.length()) <= max ? text
                : text.substring(0, text.offsetByCodePoints(0, max)) + "…";
    }
}
