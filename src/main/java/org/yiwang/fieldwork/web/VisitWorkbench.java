package org.yiwang.fieldwork.web;

import org.springframework.stereotype.Component;
import org.yiwang.fieldwork.CareVisits;
import org.yiwang.fieldwork.VisitCoverage;
import org.yiwang.fieldwork.Visits;
import org.yiwang.platform.Actor;
import org.yiwang.platform.Role;
import org.yiwang.platform.WorkbenchCard;
import org.yiwang.platform.WorkbenchCard.Tone;

import java.util.ArrayList;
import java.util.List;

/**
 * Visits on the 工作台: the current round's households visited of all in the reader's grids (a grid worker), community
 * (its staff) or street (its command centre), and the care visits overdue there. Not for citywide readers: the
 * figures are summed over every household of the scope.
 */
@Component
class VisitWorkbench implements WorkbenchCard.Source {

    private final Visits visits;
    private final CareVisits care;

    VisitWorkbench(Visits visits, CareVisits care) {
        this.visits = visits;
        this.care = care;
    }

    @Override
    public List<WorkbenchCard> cardsFor(Actor actor) {
        boolean worker = actor.hasAny(Role.GRID_WORKER, Role.COMMUNITY_STAFF);
        if (!worker && !(actor.has(Role.DISPATCHER) && !actor.scope().citywide())) {
            return List.of();
        }
        String href = worker ? "/m/visits" : null;
        List<VisitCoverage> grids = visits.coverage("grid", null, actor);
        long households = grids.stream().mapToLong(VisitCoverage::households).sum();
        long covered = grids.stream().mapToLong(VisitCoverage::covered).sum();
        long overdue = grids.stream().mapToLong(VisitCoverage::overdue).sum();
        List<WorkbenchCard> cards = new ArrayList<>();
        cards.add(new WorkbenchCard("fieldwork.workbench.visitsThisRound", covered + " / " + households, href,
                covered == households ? Tone.GOOD : overdue > 0 ? Tone.WARN : Tone.NORMAL, 22));
        cards.add(WorkbenchCard.count("fieldwork.workbench.careOverdue", care.overdue(actor), href, Tone.ALERT, 23));
        return cards;
    }
}
