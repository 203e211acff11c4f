package org.yiwang.sla;

import org.springframework.stereotype.Component;
import org.yiwang.catalog.Stage;
import org.yiwang.people.OrgUnit;
import org.yiwang.people.Organization;
import org.yiwang.people.People;
import org.yiwang.people.UserSummary;
import org.yiwang.platform.Actor;
import org.yiwang.platform.Role;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Who is told when a clock changes colour. Yellow goes to whoever must act in the running stage — the
 * first rule of the stage's list that finds anyone. Red is the first rung of the escalation ladder: the
 * command centre of the order's street, the handling unit's lead (its members with the LEADER role) and
 * the street's duty leader (the LEADER members of the street's office) and, from the order's second breach
 * on, the leaders of its district as well. Still red after {@code yiwang.sla.ladder.second-rung-after}:
 * the second rung, the district command centre (DISPATCHER members of the district office) and the
 * district leader (its LEADER members).
 */
@Component
class Recipients {

    /** From the second breach of an order on, its district's leaders are told too. */
    static final int LEADERS_FROM_BREACH = 2;

    private final People people;
    private final Organization organization;
    private final List<Rule> handling;
    private final List<Rule> commandCentre;

    Recipients(People people, Organization organization) {
        this.people = people;
        this.organization = organization;
        this.commandCentre = List.of(
                new Rule("street dispatchers", c -> members(office(c.streetCode()), Role.DISPATCHER)),
                new Rule("district dispatchers", c -> members(office(c.districtCode()), Role.DISPATCHER)));
        this.handling = List.of(
                new Rule("assigned person", c -> c.assigneeUserId() == null ? Set.of() : Set.of(c.assigneeUserId())),
                new Rule("assigned unit's handlers", c -> members(c.assigneeOrgUnitId(), Role.HANDLER, Role.COMMUNITY_STAFF)),
                new Rule("assigned unit's dispatchers", c -> members(c.assigneeOrgUnitId(), Role.DISPATCHER)),
                commandCentre.get(0),
                commandCentre.get(1));
    }

    /** A named way to find recipients; an ordered list of them is tried until one finds someone. */
    record Rule(String name, Function<StageClock, Set<Long>> find) {
    }

    /**
     * Who must act in the running stage: in 处置 the assigned person, else the assigned unit's handlers
     * or community staff, else its dispatchers; in 立案, 派遣 and 核查 — and when nobody else is found —
     * the command centre of the street (of the district when the street has none).
     */
    Set<Long> handlers(StageClock clock) {
        return firstFound(clock.stage() == Stage.HANDLE ? handling : commandCentre, clock);
    }

    /** The supervisors of an overdue stage (first rung); {@code breachCount} counts this breach. */
    Set<Long> supervisors(StageClock clock, int breachCount) {
        Set<Long> to = new LinkedHashSet<>(firstFound(commandCentre, clock));
        to.addAll(unitLeads(clock));
        to.addAll(streetDutyLeaders(clock));
        if (breachCount >= LEADERS_FROM_BREACH) {
            to.addAll(members(office(clock.districtCode()), Role.LEADER));
        }
        to.remove(Actor.SYSTEM_USER_ID);
        return to;
    }

    /** 处置单位负责人: the LEADER members of the unit the order is assigned to; none before dispatch. */
    Set<Long> unitLeads(StageClock clock) {
        return members(clock.assigneeOrgUnitId(), Role.LEADER);
    }

    /** 街道值班领导: the LEADER members of the office of the order's street. */
    Set<Long> streetDutyLeaders(StageClock clock) {
        return members(office(clock.streetCode()), Role.LEADER);
    }

    /** The second rung (二级督办): the district command centre and the district leader. */
    Set<Long> secondRung(StageClock clock) {
        return secondRung(clock.districtCode());
    }

    /** The district command centre and the district leader of a district (an overdue ruling, 仲裁超期). */
    Set<Long> secondRung(String districtCode) {
        Long district = office(districtCode);
        Set<Long> to = new LinkedHashSet<>(members(district, Role.DISPATCHER));
        to.addAll(members(district, Role.LEADER));
        to.remove(Actor.SYSTEM_USER_ID);
        return to;
    }

    private static Set<Long> firstFound(List<Rule> rules, StageClock clock) {
        for (Rule rule : rules) {
            Set<Long> found = new LinkedHashSet<>(rule.find().apply(clock));
            found.remove(Actor.SYSTEM_USER_ID);
            if (!found.isEmpty()) {
                return found;
            }
        }
        return Set.of();
    }

    private Long office(String divisionCode) {
        return divisionCode == null ? null : organization.officeOf(divisionCode).filter(OrgUnit::enabled).map(OrgUnit::id).orElse(null);
    }

    private Set<Long> members(Long orgUnitId, Role... roles) {
        Set<Long> ids = new LinkedHashSet<>();
        if (orgUnitId != null) {
            for (Role role : roles) {
                people.membersOf(orgUnitId, role).stream().filter(UserSummary::enabled).map(UserSummary::id).forEach(ids::add);
            }
        }
        return ids;
    }
}
