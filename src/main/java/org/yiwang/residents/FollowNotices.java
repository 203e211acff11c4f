package org.yiwang.residents;

import org.springframework.stereotype.Component;
import org.yiwang.catalog.Catalog;
import org.yiwang.catalog.Category;
import org.yiwang.geo.GridLocator;
import org.yiwang.notify.Channel;
import org.yiwang.notify.Notice;
import org.yiwang.notify.Notifications;
import org.yiwang.workorder.Action;
import org.yiwang.workorder.JournalFollower;
import org.yiwang.workorder.Supporters;
import org.yiwang.workorder.WorkOrderJournaled;
import org.yiwang.workorder.WorkOrderStatus;
import org.yiwang.workorder.WorkOrderTransitioned;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Follows the work-order journal and tells residents what changed in what they follow, in the style of a government
 * service message: the followers of a report and its supporters (附议) hear of each step the public cares about; the
 * followers of a grid hear of a new problem there and of one fixed there. The reporter is told by the core's own
 * notices and the actor of a step is not told of it. SMS goes through the notify outbox for residents who asked
 * for it, when {@code yiwang.residents.sms} is on. A change applied twice notifies once (dedup keys).
 */
@Component
class FollowNotices implements JournalFollower {

    /** The steps a follower hears of. */
    static final Set<Action> TOLD = EnumSet.of(Action.REGISTER, Action.DISPATCH, Action.ACCEPT, Action.HANDLE, Action.CLOSE,
            Action.CLOSE_ON_SPOT, Action.VOID, Action.MERGE, Action.REOPEN, Action.SUSPEND, Action.RESUME);

    private final Follows follows;
    private final Supporters supporters;
    private final Notifications notifications;
    private final GridLocator grids;
    private final Catalog catalog;
    private final ResidentsProperties properties;

    FollowNotices(Follows follows, Supporters supporters, Notifications notifications, GridLocator grids, Catalog catalog,
                  ResidentsProperties properties) {
        this.follows = follows;
        this.supporters = supporters;
        this.notifications = notifications;
        this.grids = grids;
        this.catalog = catalog;
        this.properties = properties;
    }

    @Override
    public String name() {
        return "residents.follows";
    }

    @Override
    public void apply(List<WorkOrderJournaled> changes) {
        Set<Long> orderIds = new HashSet<>();
        Set<String> gridCodes = new HashSet<>();
        for (WorkOrderJournaled change : changes) {
            orderIds.add(change.orderId());
            if (change.last().gridCode() != null) {
                gridCodes.add(change.last().gridCode());
            }
        }
        Map<Long, Map<Long, Boolean>> orderFollowers = follows.orderFollowers(orderIds);
        Map<String, Map<Long, Boolean>> gridFollowers = follows.gridFollowers(gridCodes);
        Map<Long, List<Long>> supportersOf = supporters.supporterIds(orderIds);
        if (orderFollowers.isEmpty() && gridFollowers.isEmpty() && supportersOf.isEmpty()) {
            return;
        }
        for (WorkOrderJournaled change : changes) {
            for (WorkOrderTransitioned step : change.transitions()) {
                if (TOLD.contains(step.action())) {
                    Map<Long, Boolean> to = new HashMap<>(orderFollowers.getOrDefault(step.orderId(), Map.of()));
                    for (Long supporter : supportersOf.getOrDefault(step.orderId(), List.of())) {
                        to.putIfAbsent(supporter, false);
                    }
                    send(to, step, "residents.notice.order." + step.action().name(), List.of(step.number()),
                            "res:" + step.orderId() + ":" + step.action() + ":" + step.at().toEpochMilli());
                }
            }
            WorkOrderTransitioned last = change.last();
            Map<Long, Boolean> area = gridFollowers.getOrDefault(last.gridCode(), Map.of());
            if (!area.isEmpty()) {
                String event = change.anyAction(Action.CLOSE.name(), Action.CLOSE_ON_SPOT.name()) ? "FIXED"
                        : change.anyAction(Action.REPORT.name()) && last.to() != WorkOrderStatus.VOIDED ? "REPORTED" : null;
                if (event != null) {
                    String grid = grids.grid(last.gridCode()).map(g -> g.grid().name()).orElse(last.gridCode());
                    String category = last.categoryCode() == null ? "—"
                            : catalog.find(last.categoryCode()).map(Category::name).orElse(last.categoryCode());
                    send(new HashMap<>(area), last, "residents.notice.grid." + event, List.of(grid, last.number(), category),
                            "res-grid:" + last.orderId() + ":" + event);
                }
            }
        }
    }

    private void send(Map<Long, Boolean> recipients, WorkOrderTransitioned step, String key, List<String> args, String dedup) {
        recipients.remove(step.actorUserId());
        if (step.reporterUserId() != null) {
            recipients.remove(step.reporterUserId());
        }
        Set<Long> inboxOnly = new HashSet<>();
        Set<Long> withSms = new HashSet<>();
        recipients.forEach((user, sms) -> (sms && properties.sms() ? withSms : inboxOnly).add(user));
        String link = "/m/follows/orders/" + step.orderId();
        if (!inboxOnly.isEmpty()) {
            notifications.notify(new Notice(inboxOnly, key, args, link, Set.of(Channel.INBOX), dedup));
        }
        if (!withSms.isEmpty()) {
            notifications.notify(new Notice(withSms, key, args, link, Set.of(Channel.INBOX, Channel.SMS), dedup));
        }
    }
}
