package org.yiwang.workorder.notices;

import org.springframework.stereotype.Component;
import org.yiwang.geo.GridWorker;
import org.yiwang.geo.Grids;
import org.yiwang.notify.Channel;
import org.yiwang.notify.Notice;
import org.yiwang.notify.Notifications;
import org.yiwang.people.OrgUnit;
import org.yiwang.people.Organization;
import org.yiwang.people.People;
import org.yiwang.people.UserSummary;
import org.yiwang.platform.Role;
import org.yiwang.workorder.Action;
import org.yiwang.workorder.WorkOrderStatus;
import org.yiwang.workorder.JournalFollower;
import org.yiwang.workorder.WorkOrderJournaled;
import org.yiwang.workorder.WorkOrderTransitioned;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.List;
import java.util.Set;

/**
 * Tells the right people what just happened to an order: the unit it was sent to, the command centre
 * when a unit reports back or returns it, the grid worker who must verify on site, the reporter when
 * it is closed, merged or voided. Follows the work-order journal after commit; a change applied again is
 * not delivered twice (dedup key per order, action and time).
 */
@Component
class TransitionNotices implements JournalFollower {

    private final Notifications notifications;
    private final People people;
    private final Organization organization;
    private final Grids grids;

    TransitionNotices(Notifications notifications, People people, Organization organization, Grids grids) {
        this.notifications = notifications;
        this.people = people;
        this.organization = organization;
        this.grids = grids;
    }

    @Override
    public String name() {
        return "workorder.notices";
    }

    /**
     * Each transition of each change, except a report that was filed in the same change (automatic filing
     * and dispatch): its street's dispatchers have nothing to file, the handlers hear of the dispatch.
     */
    @Override
    public void apply(List<WorkOrderJournaled> changes) {
        members.get().clear();
        for (WorkOrderJournaled changed : changes) {
            boolean waits = changed.last().to() == WorkOrderStatus.REPORTED;
            for (WorkOrderTransitioned event : changed.transitions()) {
                if (event.action() != Action.REPORT || waits) {
                    apply(event);
                }
            }
        }
    }

    private void apply(WorkOrderTransitioned event) {
        Set<Long> recipients = recipients(event);
        recipients.remove(event.actorUserId());
        recipients.removeIf(id -> id == null || id <= 0);
        if (recipients.isEmpty()) {
            return;
        }
        String key = "workorder.notice." + (event.action() == Action.REPORT ? "REPORT_NEEDS_CATEGORY" : event.action().name());
        notifications.notify(new Notice(recipients, key, List.of(event.number()), "/work-orders/" + event.orderId(),
                Set.of(Channel.INBOX), "wo:" + event.orderId() + ":" + event.action() + ":" + event.at().toEpochMilli()));
    }

    private Set<Long> recipients(WorkOrderTransitioned e) {
        Set<Long> to = new HashSet<>();
        switch (e.action()) {
            case REPORT -> {
                if (e.to() == WorkOrderStatus.REPORTED) {
                    to.addAll(streetDispatchers(e));
                }
            }
            case DISPATCH, REWORK, SUPERVISE, APPROVE_EXTENSION, REJECT_EXTENSION -> {
                to.addAll(assignees(e));
                if (e.action() == Action.DISPATCH) {
                    e.assistOrgUnitIds().forEach(unit -> to.addAll(members(unit, Role.HANDLER)));
                }
            }
            case RETURN, HANDLE, REQUEST_EXTENSION, APPROVE -> to.addAll(streetDispatchers(e));
            // 主办/协办: the lead hears of its co-handlers; the command centre of 退单 and disputes; a ruling reaches every unit
            case ASSIST_REPORT, ACCEPT_RETURN -> to.addAll(assignees(e));
            case ASSIST_RETURN, CONTEST -> to.addAll(streetDispatchers(e));
            case REJECT_RETURN, RULE -> {
                to.addAll(assignees(e));
                e.assistOrgUnitIds().forEach(unit -> to.addAll(members(unit, Role.HANDLER)));
                if (e.action() == Action.REJECT_RETURN) {
                    to.addAll(streetDispatchers(e));
                }
            }
            case REQUEST_VERIFICATION -> {
                if (e.gridCode() != null) {
                    grids.workers(e.gridCode()).stream().map(GridWorker::userId).forEach(to::add);
                }
            }
            case CLOSE, CLOSE_ON_SPOT, VOID, MERGE, REOPEN -> {
                if (e.reporterUserId() != null) {
                    to.add(e.reporterUserId());
                }
            }
            default -> { }
        }
        return to;
    }

    private Set<Long> assignees(WorkOrderTransitioned e) {
        Set<Long> to = new HashSet<>();
        if (e.assigneeUserId() != null) {
            to.add(e.assigneeUserId());
        } else if (e.assigneeOrgUnitId() != null) {
            to.addAll(members(e.assigneeOrgUnitId(), Role.HANDLER));
            to.addAll(members(e.assigneeOrgUnitId(), Role.COMMUNITY_STAFF));
            to.addAll(members(e.assigneeOrgUnitId(), Role.DISPATCHER));
        }
        return to;
    }

    private Set<Long> streetDispatchers(WorkOrderTransitioned e) {
        String street = e.gridCode() == null ? null : e.gridCode().substring(0, 9);
        return street == null ? Set.of() : organization.officeOf(street).map(OrgUnit::id)
                .map(id -> members(id, Role.DISPATCHER)).orElse(Set.of());
    }

    /** Members of a unit in a role, looked up once per batch (most changes of a batch go to a few units). */
    private Set<Long> members(long orgUnitId, Role role) {
        return members.get().computeIfAbsent(orgUnitId + ":" + role.name(), key -> {
            Set<Long> ids = new HashSet<>();
            for (UserSummary user : people.membersOf(orgUnitId, role)) {
                ids.add(user.id());
            }
            return Set.copyOf(ids);
        });
    }

    /** Per thread: batches and retries of parked changes may run at the same time. */
    private final ThreadLocal<Map<String, Set<Long>>> members = ThreadLocal.withInitial(HashMap::new);
}
