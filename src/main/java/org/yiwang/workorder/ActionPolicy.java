package org.yiwang.workorder;

import org.yiwang.platform.Actor;
import org.yiwang.platform.Role;

/**
 * Who may see an order and who may take which action on it. The state is checked by the order
 * itself; this policy checks the person: their role, their territory, their unit.
 */
final class ActionPolicy {

    private ActionPolicy() {
    }

    /** Territorial staff see orders in their scope, units see what is assigned to them, residents their own. */
    static boolean canSee(Actor actor, WorkOrder order) {
        if (actor.isSystem()) {
            return true;
        }
        if (order.reporterUserId() != null && order.reporterUserId() == actor.userId()) {
            return true;
        }
        if (actor.hasAny(Role.ADMIN, Role.LEADER, Role.DISPATCHER, Role.COMMUNITY_STAFF, Role.GRID_WORKER)
                && actor.scope().covers(territoryCode(order))) {
            return true;
        }
        return isAssignedTo(actor, order);
    }

    /** The unit (or person) the order is with, or one of its assisting units. */
    static boolean isAssignedTo(Actor actor, WorkOrder order) {
        if (order.assigneeUserId() != null && order.assigneeUserId() == actor.userId()) {
            return true;
        }
        if (actor.orgUnitId() == null) {
            return false;
        }
        Long unit = actor.orgUnitId();
        return unit.equals(order.assigneeOrgUnitId()) || order.assistOrgUnitIds().contains(unit)
                || (order.assigneeOrgUnitId() != null && actor.scope().departmentIds().contains(order.assigneeOrgUnitId()));
    }

    static boolean mayPerform(Actor actor, Action action, WorkOrder order) {
        if (actor.isSystem()) {
            return true;
        }
        boolean territorial = actor.scope().covers(territoryCode(order));
        boolean commandCentre = actor.hasAny(Role.DISPATCHER, Role.ADMIN) && territorial;
        boolean lead = isLead(actor, order);
        return switch (action) {
            case REPORT -> true;
            case REGISTER, VOID, DISPATCH, REQUEST_VERIFICATION, CLOSE, REOPEN, APPROVE_EXTENSION, REJECT_EXTENSION,
                 SUSPEND, RESUME, MERGE, REPEAT_CALL -> commandCentre;
            case ACCEPT, RETURN, HANDLE, REQUEST_EXTENSION -> lead;
            case APPROVE, REWORK -> commandCentre || (actor.has(Role.GRID_WORKER) && territorial);
            case CLOSE_ON_SPOT -> actor.has(Role.GRID_WORKER) && order.reporterUserId() != null
                    && order.reporterUserId() == actor.userId() && order.source() == Source.GRID_PATROL;
            case EVALUATE -> (order.reporterUserId() != null && order.reporterUserId() == actor.userId()) || commandCentre;
            case SUPERVISE -> actor.hasAny(Role.DISPATCHER, Role.LEADER, Role.ADMIN) && territorial;
            case ASSIST_REPORT, ASSIST_RETURN -> coHandlerStaff(actor, order);
            case ACCEPT_RETURN, REJECT_RETURN -> commandCentre;
            case CONTEST -> lead || coHandlerStaff(actor, order);
            case RULE -> commandCentre && arbiter(actor, order);
        };
    }

    /**
     * Whether the action makes sense for this person on this order now, beyond state and permission: what the pages and
     * {@code allowedActions} offer (a co-handler that reported is not offered to report again; 再次退单 only to a unit that
     * sent the order back before). The verbs themselves refuse the rest with a 409 naming why.
     */
    static boolean applicable(Actor actor, Action action, WorkOrder order) {
        Long unit = actor.orgUnitId();
        return switch (action) {
            case ASSIST_REPORT -> order.coHandler(unit == null ? -1 : unit).filter(c -> c.state() == CoHandler.State.WORKING).isPresent();
            case ASSIST_RETURN -> order.dispute() == null && !order.returnedBefore(unit) && !order.bound(unit)
                    && order.coHandler(unit == null ? -1 : unit).filter(c -> c.state() == CoHandler.State.WORKING).isPresent();
            case RETURN -> order.assigneeUserId() != null || order.dispute() == null && !order.returnedBefore(order.assigneeOrgUnitId())
                    && !order.bound(order.assigneeOrgUnitId());
            case CONTEST -> {
                Long contesting = isLead(actor, order) ? order.assigneeOrgUnitId() : unit;
                yield order.dispute() == null && order.returnedBefore(contesting) && !order.bound(contesting)
                        && (order.assigneeUserId() == null || !isLead(actor, order));
            }
            case ACCEPT_RETURN -> order.returnPending();
            case REJECT_RETURN -> order.returnPending() && order.dispute() == null;
            case RULE -> order.dispute() != null;
            default -> true;
        };
    }

    /** Staff of a co-handling unit (协办单位). */
    static boolean coHandlerStaff(Actor actor, WorkOrder order) {
        return actor.orgUnitId() != null && order.isCoHandler(actor.orgUnitId())
                && actor.hasAny(Role.HANDLER, Role.COMMUNITY_STAFF, Role.DISPATCHER);
    }

    /** 仲裁: the command centre of the order's street or district (or the city), not a community's desk. */
    static boolean arbiter(Actor actor, WorkOrder order) {
        String territory = territoryCode(order);
        return actor.scope().citywide() || territory != null && actor.scope().divisionPrefixes().stream()
                .anyMatch(prefix -> prefix.length() <= 9 && territory.startsWith(prefix));
    }

    /**
     * The lead unit: the handler's department, the community workstation's staff, or the named grid worker.
     * An order routed to a grid worker is routed to them through their community's office: the community's
     * staff may act for the worker (who may be off sick or on leave), so that the order never waits with
     * nobody able to sign for it.
     */
    static boolean isLead(Actor actor, WorkOrder order) {
        boolean ofTheUnit = actor.orgUnitId() != null && actor.orgUnitId().equals(order.assigneeOrgUnitId());
        if (order.assigneeUserId() != null) {
            return order.assigneeUserId() == actor.userId() || ofTheUnit && actor.has(Role.COMMUNITY_STAFF);
        }
        return ofTheUnit && actor.hasAny(Role.HANDLER, Role.COMMUNITY_STAFF, Role.DISPATCHER);
    }

    static String territoryCode(WorkOrder order) {
        return order.gridCode() != null ? order.gridCode() : order.districtCode();
    }
}
