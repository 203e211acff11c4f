package org.yiwang.workorder.web;

import org.yiwang.platform.ChinaTime;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.yiwang.catalog.Catalog;
import org.yiwang.catalog.Category;
import org.yiwang.dispatch.RoutingDecision;
import org.yiwang.geo.GridLocator;
import org.yiwang.geo.IndexedGrid;
import org.yiwang.people.OrgUnit;
import org.yiwang.people.Organization;
import org.yiwang.platform.Actor;
import org.yiwang.platform.PersonalData;
import org.yiwang.platform.RowGuard;
import org.yiwang.workorder.DeadlinePolicy;
import org.yiwang.workorder.Transition;
import org.yiwang.workorder.TrafficLight;
import org.yiwang.workorder.WorkOrder;
import org.yiwang.workorder.WorkOrderQueries;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
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

    Map<String, Object> summary(WorkOrder o, Actor reader) {
        Instant now = clock.instant();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", o.id());
        m.put("number", o.number());
        m.put("version", o.version());
        m.put("status", o.status().name());
        m.put("statusLabel", label("workorder.status." + o.status().name()));
        m.put("source", o.source().name());
        m.put("urgency", o.urgency().name());
        m.put("category", category(o.categoryCode()));
        m.put("description", PersonalData.textFor(reader, o.reporterUserId() == null ? -1 : o.reporterUserId(), o.description()));
        m.put("address", o.address());
        m.put("location", Map.of("lat", o.lat(), "lon", o.lon(), "crs", "wgs84"));
        m.put("grid", grid(o));
        m.put("assignee", assignee(o));
        m.put("stage", o.stage() == null ? null : o.stage().name());
        m.put("stageStartedAt", time(o.stageStartedAt()));
        m.put("dueAt", time(o.stageDueAt()));
        m.put("light", o.light(now, deadlines).name());
        m.put("suspended", o.suspended());
        m.put("supervisionCount", o.supervisionCount());
        m.put("createdAt", time(o.createdAt()));
        m.put("updatedAt", time(o.updatedAt()));
        m.put("closedAt", time(o.closedAt()));
        return m;
    }

    Map<String, Object> detail(WorkOrderQueries.OrderDetail detail, Actor reader) {
        WorkOrder o = detail.order();
        Map<String, Object> m = summary(o, reader);
        long owner = o.reporterUserId() == null ? -1 : o.reporterUserId();
        m.put("reporter", mapOf("name", PersonalData.nameFor(reader, owner, o.reporterName()), "phone", PersonalData.phoneFor(reader, owner, o.reporterPhone())));
        m.put("assists", o.assistOrgUnitIds().stream().map(this::unit).toList());
        m.put("routingLevel", o.routingLevel());
        m.put("stageRule", o.stageRule());
        m.put("extensionRequestedUntil", time(o.extensionRequestedUntil()));
        m.put("reworkCount", o.reworkCount());
        m.put("returnCount", o.returnCount());
        m.put("verified", o.verified());
        m.put("satisfaction", o.satisfaction() == null ? null : o.satisfaction().name());
        m.put("masterOrderId", o.masterOrderId());
        m.put("handledAt", time(o.handledAt()));
        m.put("handledOnTime", o.handledAt() == null ? null : o.handledOnTime());
        m.put("closedOnTime", o.closedAt() == null ? null : o.closedOnTime());
        m.put("history", detail.history().stream().map(this::transition).toList());
        m.put("allowedActions", detail.allowedActions().stream().map(a -> a.pathSegment()).toList());
        return m;
    }

    Map<String, Object> routing(RoutingDecision decision) {
        if (decision == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("routed", decision.routed());
        m.put("outcome", decision.outcome().name());
        m.put("level", decision.level() == null ? null : decision.level().name());
        m.put("department", decision.orgUnitId() == null ? null : mapOf("id", decision.orgUnitId(), "name", decision.orgUnitName()));
        m.put("userId", decision.userId());
        m.put("assists", decision.assistOrgUnitIds().stream().map(this::unit).toList());
        m.put("principle", decision.principle() == null ? null : decision.principle().text());
        m.put("ruleId", decision.ruleId());
        m.put("reasons", decision.reasons().stream()
                .map(r -> mapOf("rule", r.rule(), "text", messages.getMessage(r.messageKey(), r.args().toArray(), r.messageKey(),
                        LocaleContextHolder.getLocale())))
                .toList());
        return m;
    }

    private Map<String, Object> transition(Transition t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("action", t.action().name());
        m.put("actionLabel", label("workorder.action." + t.action().name()));
        m.put("from", t.from() == null ? null : t.from().name());
        m.put("to", t.to().name());
        m.put("actor", mapOf("id", t.actorUserId(), "name", t.actorName()));
        m.put("at", time(t.at()));
        m.put("note", PersonalData.maskText(t.note()));
        m.put("photos", t.photos().stream().map(id -> mapOf("id", id, "url", "/api/photos/" + id)).toList());
        m.put("details", t.details());
        return m;
    }

    private Map<String, Object> grid(WorkOrder o) {
        IndexedGrid grid = grids.grid(o.gridCode()).orElse(null);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", o.gridCode());
        m.put("name", grid == null ? null : grid.grid().name());
        m.put("communityCode", o.communityCode());
        m.put("communityName", grid == null ? null : grid.community().name());
        m.put("streetCode", o.streetCode());
        m.put("streetName", grid == null ? null : grid.street().name());
        m.put("districtCode", o.districtCode());
        m.put("districtName", grid == null ? null : grid.district().name());
        return m;
    }

    private Map<String, Object> category(String code) {
        if (code == null) {
            return null;
        }
        Category category = catalog.find(code).orElse(null);
        return mapOf("code", code, "name", category == null ? null : category.name(),
                "majorClass", category == null ? null : category.majorClass());
    }

    private Map<String, Object> assignee(WorkOrder o) {
        if (o.assigneeOrgUnitId() == null) {
            return null;
        }
        Map<String, Object> unit = unit(o.assigneeOrgUnitId());
        unit.put("userId", o.assigneeUserId());
        return unit;
    }

    private Map<String, Object> unit(Long id) {
        return mapOf("id", id, "name", unitName(id));
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

    static Map<String, Object> mapOf(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    List<Map<String, Object>> summaries(List<WorkOrder> orders, Actor reader) {
        return RowGuard.each("work order", orders, WorkOrder::number, o -> summary(o, reader), o -> degraded(o, reader));
    }

    /** A list line that could not be made in full: what the order row itself holds, no light, no names. */
    private Map<String, Object> degraded(WorkOrder o, Actor reader) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", o.id());
        m.put("number", o.number());
        m.put("version", o.version());
        m.put("status", o.status().name());
        m.put("source", o.source().name());
        m.put("urgency", o.urgency().name());
        m.put("light", TrafficLight.NONE.name());
        m.put("degraded", true);
        return m;
    }
}
