package org.yiwang.desks.web;

import org.springframework.stereotype.Component;
import org.yiwang.desks.FollowUps;
import org.yiwang.intake.PendingReports;
import org.yiwang.platform.Actor;
import org.yiwang.platform.Role;
import org.yiwang.platform.WorkbenchCard;
import org.yiwang.platform.WorkbenchCard.Tone;
import org.yiwang.whistle.WhistleQueries;
import org.yiwang.whistle.WhistleStatus;

import java.util.ArrayList;
import java.util.List;

/**
 * The desks on the 工作台: for the command centre the reports waiting to be located and the 回访 calls owed; for a
 * department the whistles it has not reported in to yet.
 */
@Component
class DesksWorkbench implements WorkbenchCard.Source {

    private final PendingReports pending;
    private final FollowUps followUps;
    private final WhistleQueries whistles;

    DesksWorkbench(PendingReports pending, FollowUps followUps, WhistleQueries whistles) {
        this.pending = pending;
        this.followUps = followUps;
        this.whistles = whistles;
    }

    @Override
    public List<WorkbenchCard> cardsFor(Actor actor) {
        List<WorkbenchCard> cards = new ArrayList<>();
        if (actor.hasAny(Role.DISPATCHER, Role.ADMIN)) {
            cards.add(WorkbenchCard.count("desks.workbench.pending", pending.list(null, 0, 1, actor).totalElements(),
                    "/desks/pending", Tone.WARN, 16));
            cards.add(WorkbenchCard.count("desks.workbench.followUps", followUps.countOpen(actor), "/desks/follow-ups", Tone.WARN, 17));
        }
        if (actor.has(Role.HANDLER) && !actor.scope().departmentIds().isEmpty()) {
            long waiting = whistles.list(new WhistleQueries.Filter(WhistleStatus.OPEN, null, null, null, null, null), 0,
                            WhistleQueries.MAX_PAGE_SIZE, actor).content().stream()
                    .filter(w -> !WhistleDesk.answerable(w, actor).isEmpty()).count();
            cards.add(WorkbenchCard.count("desks.workbench.whistles", waiting, "/desks/whistles", Tone.ALERT, 13));
        }
        return cards;
    }
}
