package org.yiwang.residents.web;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.yiwang.catalog.Catalog;
import org.yiwang.catalog.Category;
import org.yiwang.geo.GridLocator;
import org.yiwang.geo.IndexedGrid;
import org.yiwang.platform.Actor;
import org.yiwang.platform.ChinaTime;
import org.yiwang.platform.PersonalData;
import org.yiwang.residents.PhotoReviews;
import org.yiwang.workorder.Action;
import org.yiwang.workorder.Supporters;
import org.yiwang.workorder.Transition;
import org.yiwang.workorder.WorkOrder;
import org.yiwang.workorder.WorkOrderQueries;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An order as the public may see it: no reporter, no staff names, phone and ID numbers masked in the description and
 * in the notes of the steps that say what was done; only photos a staff member approved.
 */
@Component
class PublicReportViews {

    /** Steps whose note tells the public what was done. */
    static final Set<Action> NOTED = EnumSet.of(Action.HANDLE, Action.CLOSE, Action.CLOSE_ON_SPOT, Action.VOID, Action.MERGE, Action.REOPEN);
    static final Set<Action> AFTER = EnumSet.of(Action.HANDLE, Action.CLOSE_ON_SPOT, Action.APPROVE);

    private final WorkOrderQueries orders;
    private final Supporters supporters;
    private final PhotoReviews reviews;
    private final Catalog catalog;
    private final GridLocator grids;
    private final MessageSource messages;

    PublicReportViews(WorkOrderQueries orders, Supporters supporters, PhotoReviews reviews, Catalog catalog, GridLocator grids,
                      MessageSource messages) {
        this.orders = orders;
        this.supporters = supporters;
        this.reviews = reviews;
        this.catalog = catalog;
        this.grids = grids;
        this.messages = messages;
    }

    record Step(String time, String action, String note) {
    }

    record View(long id, String number, String category, String status, String statusName, boolean open, String place,
                String gridCode, String gridName, String address, String reported, String closed, String description,
                List<Step> steps, List<String> before, List<String> after, int residentsAffected) {
    }

    View of(long orderId) {
        WorkOrderQueries.OrderDetail detail = orders.detail(orderId, Actor.system());
        WorkOrder o = detail.order();
        Optional<IndexedGrid> grid = o.gridCode() == null ? Optional.empty() : grids.grid(o.gridCode());
        String place = grid.map(g -> g.street().name() + " · " + g.community().name() + " · " + g.grid().name()).orElse("—");
        Map<String, Boolean> decided = reviews.decisions(o.id());
        List<Step> steps = new ArrayList<>();
        List<String> before = new ArrayList<>();
        List<String> after = new ArrayList<>();
        for (Transition t : detail.history()) {
            String note = NOTED.contains(t.action()) && !t.note().isBlank() ? PersonalData.maskText(t.note()) : "";
            steps.add(new Step(ChinaTime.MINUTES.format(t.at()), label("workorder.action." + t.action().name()), note));
            for (String photo : t.photos()) {
                if (Boolean.TRUE.equals(decided.get(photo))) {
                    (t.action() == Action.REPORT ? before : AFTER.contains(t.action()) ? after : before).add(photo);
                }
            }
        }
        String category = o.categoryCode() == null ? label("residents.public.noCategory")
                : catalog.find(o.categoryCode()).map(Category::name).orElse(o.categoryCode());
        return new View(o.id(), o.number(), category, o.status().name(), label("workorder.status." + o.status().name()), o.status().isOpen(),
                place, o.gridCode(), grid.map(g -> g.grid().name()).orElse(""), o.address() == null ? "" : PersonalData.maskText(o.address()),
                ChinaTime.MINUTES.format(o.createdAt()), o.closedAt() == null ? "" : ChinaTime.MINUTES.format(o.closedAt()),
                PersonalData.maskText(o.description()), List.copyOf(steps.reversed()), before, after, supporters.residentsAffected(o.id()));
    }

    private String label(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}
