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
        };
    }

    /**
     * The lead unit: the handler's department, the community workstation's staff, or the named grid worker.
     * An order routed to a grid worker is routed to them through their community's office: the community's
     * staff may act for the worker (who may be off sick or on leave), so that the order never waits with
     * nobody able to sign for it.
     */
    private static boolean isLead(Actor actor, WorkOrder order) {
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
