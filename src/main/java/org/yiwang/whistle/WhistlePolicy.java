package org.yiwang.whistle;

import org.yiwang.platform.Actor;
import org.yiwang.platform.Role;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Who may see a whistle and who may take which step. The whistle checks its own state; this policy
 * checks the person: a street command centre (a dispatcher whose territory covers the street) blows,
 * closes and cancels; the summoned departments answer; leaders and admins read their territory.
 */
final class WhistlePolicy {

    private WhistlePolicy() {
    }

    /** A user of a department (职能部门): their data scope lists the departments they act for. */
    static boolean isDepartmentUser(Actor actor) {
        return !actor.scope().citywide() && !actor.scope().departmentIds().isEmpty();
    }

    /** The departments a user acts for: their own and those below it. */
    static Set<Long> departmentsOf(Actor actor) {
        Set<Long> ids = new LinkedHashSet<>();
        if (isDepartmentUser(actor)) {
            if (actor.orgUnitId() != null && actor.scope().departmentIds().contains(actor.orgUnitId())) {
                ids.add(actor.orgUnitId());
            }
            ids.addAll(actor.scope().departmentIds().stream().sorted().toList());
        }
        return ids;
    }

    /** Departments see the whistles that summoned them; territorial staff those of streets in their territory. */
    static boolean canSee(Actor actor, Whistle whistle) {
        if (actor.isSystem() || (actor.isStaff() && actor.scope().citywide())) {
            return true;
        }
        if (!actor.isStaff()) {
            return false;
        }
        if (isDepartmentUser(actor)) {
            Set<Long> mine = departmentsOf(actor);
            return whistle.summons().stream().anyMatch(s -> mine.contains(s.departmentId()));
        }
        return actor.scope().covers(whistle.streetCode());
    }

    /** The street's command centre: a dispatcher (not of a department) whose territory covers the street. */
    static boolean commandsStreet(Actor actor, String streetCode) {
        if (actor.isSystem()) {
            return true;
        }
        return actor.has(Role.DISPATCHER) && !isDepartmentUser(actor) && actor.scope().covers(streetCode);
    }

    /** The summoned departments that {@code actor} may answer for. */
    static List<Long> answerableBy(Actor actor, Whistle whistle) {
        Set<Long> mine = departmentsOf(actor);
        return whistle.summons().stream().map(Summons::departmentId).filter(mine::contains).toList();
    }

    /** The steps {@code actor} could take on the whistle now (state and permission), for clients' buttons. */
    static List<String> allowedActions(Actor actor, Whistle whistle) {
        if (whistle.status() != WhistleStatus.OPEN) {
            return List.of();
        }
        List<String> actions = new ArrayList<>();
        boolean canAnswer = answerableBy(actor, whistle).stream()
                .anyMatch(d -> whistle.summonsOf(d).map(s -> s.state() == Summons.State.PENDING).orElse(false));
        if (canAnswer) {
            actions.add("REPORT_IN");
        }
        if (commandsStreet(actor, whistle.streetCode())) {
            actions.add("RECORD_OUTCOME");
            actions.add("CANCEL");
        }
        return List.copyOf(actions);
    }
}
