package org.yiwang.workorder.web.mobile;

import org.yiwang.platform.ChinaTime;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.yiwang.catalog.Catalog;
import org.yiwang.catalog.Category;
import org.yiwang.geo.GridLocator;
import org.yiwang.geo.IndexedGrid;
import org.yiwang.people.OrgUnit;
import org.yiwang.people.Organization;
import org.yiwang.platform.Actors;
import org.yiwang.platform.PersonalData;
import org.yiwang.platform.RowGuard;
import org.yiwang.workorder.Action;
import org.yiwang.workorder.DeadlinePolicy;
import org.yiwang.workorder.Transition;
import org.yiwang.workorder.TrafficLight;
import org.yiwang.workorder.WorkOrder;
import org.yiwang.workorder.WorkOrderQueries;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Turns orders and their history into what a resident or grid worker reads on the phone. */
@Component
class OrderViews {

    static final ZoneId ZONE = ChinaTime.ZONE;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZONE);

    private final Catalog catalog;
    private final GridLocator grids;
    private final Organization organization;
    private final DeadlinePolicy deadlines;
    private final MessageSource messages;
    private final Clock clock;

    OrderViews(Catalog catalog, GridLocator grids, Organization organization, DeadlinePolicy deadlines,
               MessageSource messages, Clock clock) {
        this.catalog = catalog;
        this.grids = grids;
        this.organization = organization;
        this.deadlines = deadlines;
        this.messages = messages;
        this.clock = clock;
    }

    /** A list line: no history needed. */
    OrderView summary(WorkOrder order) {
        return view(order, List.of(), List.of());
    }

    OrderView detail(WorkOrderQueries.OrderDetail detail) {
        return view(detail.order(), detail.history(), detail.allowedActions());
    }

    private OrderView view(WorkOrder o, List<Transition> history, List<Action> allowed) {
        List<String> before = new ArrayList<>();
        List<String> after = new ArrayList<>();
        String handledNote = null;
        List<OrderView.Step> steps = new ArrayList<>();
        for (Transition t : history) {
            switch (t.action()) {
                case REPORT -> before.addAll(t.photos());
                case HANDLE, CLOSE_ON_SPOT -> {
                    after.clear();
                    after.addAll(t.photos());
                    handledNote = PersonalData.maskText(t.note());
                }
                default -> { }
            }
            steps.add(step(o, t));
        }
        String due = o.stageDueAt() == null ? null : TIME.format(o.stageDueAt());
        String dueLabel = o.stage() == null ? null : "mobile.due." + o.stage().name();
        return new OrderView(o.id(), o.version(), o.number(), o.status().name(), text("workorder.status." + o.status().name()),
                PersonalData.textFor(Actors.current().orElse(null), o.reporterUserId() == null ? -1 : o.reporterUserId(), o.description()),
                o.address(), categoryName(o.categoryCode()), place(o.gridCode()), o.gridCode(), o.lat(), o.lon(),
                TIME.format(o.createdAt()), due, dueLabel, RowGuard.one("work order", o, WorkOrder::number,
                        x -> x.light(clock.instant(), deadlines), x -> TrafficLight.NONE).name(),
                o.satisfaction() == null ? null : o.satisfaction().name(), handledNote, before, after, steps, allowed);
    }

    private OrderView.Step step(WorkOrder o, Transition t) {
        Map<String, Object> d = t.details();
        Object[] args = switch (t.action()) {
            case REGISTER -> new Object[]{categoryName((String) d.get("category"))};
            case DISPATCH -> new Object[]{d.get("orgUnitName") != null ? d.get("orgUnitName") : unitName(d.get("orgUnit"))};
            case EVALUATE -> new Object[]{d.get("satisfaction") == null ? "" : text("workorder.satisfaction." + d.get("satisfaction"))};
            case APPROVE_EXTENSION, RESUME -> new Object[]{d.get("dueAfter") == null ? "" : TIME.format(Instant.parse(String.valueOf(d.get("dueAfter"))))};
            default -> new Object[0];
        };
        String text = messages.getMessage("mobile.step." + t.action().name(), args, t.action().name(), LocaleContextHolder.getLocale());
        String note = switch (t.action()) {
            case HANDLE, CLOSE_ON_SPOT, REWORK, VOID, APPROVE, EVALUATE, SUSPEND, RETURN -> PersonalData.maskText(t.note());
            default -> "";
        };
        return new OrderView.Step(t.action().name(), text, TIME.format(t.at()), note, t.photos());
    }

    String categoryName(String code) {
        if (code == null) {
            return null;
        }
        return catalog.find(code).map(c -> localized(c)).orElse(code);
    }

    private static String localized(Category c) {
        boolean english = "en".equals(LocaleContextHolder.getLocale().getLanguage());
        return english && c.nameEn() != null ? c.nameEn() : c.name();
    }

    String place(String gridCode) {
        IndexedGrid grid = gridCode == null ? null : grids.grid(gridCode).orElse(null);
        if (grid == null) {
            return gridCode;
        }
        return grid.street().name() + " · " + grid.community().name() + " · " + grid.grid().name();
    }

    private String unitName(Object id) {
        if (!(id instanceof Number n)) {
            return "";
        }
        return organization.find(n.longValue()).map(OrgUnit::name).orElse("");
    }

    String text(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }

    static String time(Instant instant) {
        return instant == null ? null : TIME.format(instant);
    }
}
