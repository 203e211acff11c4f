package org.yiwang.desks;

import org.springframework.stereotype.Component;
import org.yiwang.notify.Notice;
import org.yiwang.notify.Notifications;
import org.yiwang.people.Organization;
import org.yiwang.people.People;
import org.yiwang.people.UserSummary;
import org.yiwang.platform.Actor;
import org.yiwang.platform.Role;
import org.yiwang.workorder.Action;
import org.yiwang.workorder.JournalFollower;
import org.yiwang.workorder.Satisfaction;
import org.yiwang.workorder.WorkOrder;
import org.yiwang.workorder.WorkOrderJournaled;
import org.yiwang.workorder.WorkOrderQueries;
import org.yiwang.workorder.WorkOrderTransitioned;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Follows the work-order journal: a rating (评价) of 不满意 opens a 回访 task for the command centre of the
 * order's street and tells its dispatchers. The rating itself is read from the order as it is now, so a
 * rating changed since is judged by what it became; a change applied twice opens one task.
 */
@Component
class DissatisfiedRatings implements JournalFollower {

    private final FollowUps followUps;
    private final WorkOrderQueries orders;
    private final Notifications notifications;
    private final People people;
    private final Organization organization;

    DissatisfiedRatings(FollowUps followUps, WorkOrderQueries orders, Notifications notifications, People people,
                        Organization organization) {
        this.followUps = followUps;
        this.orders = orders;
        this.notifications = notifications;
        this.people = people;
        this.organization = organization;
    }

    @Override
    public String name() {
        return "desks.dissatisfied-ratings";
    }

    /** Only ratings matter here. */
    @Override
    public Set<Action> actions() {
        return Set.of(Action.EVALUATE);
    }

    @Override
    public void apply(List<WorkOrderJournaled> changes) {
        List<WorkOrderTransitioned> ratings = changes.stream().flatMap(c -> c.transitions().stream())
                .filter(t -> t.action() == Action.EVALUATE).toList();
        if (ratings.isEmpty()) {
            return;
        }
        Map<Long, WorkOrder> rated = orders.getAll(ratings.stream().map(WorkOrderTransitioned::orderId).toList(), Actor.system());
        for (WorkOrderTransitioned rating : ratings) {
            WorkOrder order = rated.get(rating.orderId());
            if (order == null || order.satisfaction() != Satisfaction.DISSATISFIED) {
                continue;
            }
            followUps.open(order, rating.at()).ifPresent(id -> tell(order, id));
        }
    }

    /** The dispatchers of the order's street (or district when it has none) get the task in their inbox. */
    private void tell(WorkOrder order, long followUpId) {
        Set<Long> to = new LinkedHashSet<>();
        String territory = order.streetCode() != null ? order.streetCode() : order.districtCode();
        organization.officeOf(territory).ifPresent(office ->
                people.membersOf(office.id(), Role.DISPATCHER).stream().map(UserSummary::id).forEach(to::add));
        if (to.isEmpty()) {
            return;
        }
        notifications.notify(Notice.to(to, "desks.notice.followUp", order.number())
                .withLink("/desks/follow-ups/" + followUpId)
                .withDedupKey("follow-up:" + followUpId));
    }
}
