package org.yiwang.registry.web;

import org.springframework.stereotype.Component;
import org.yiwang.platform.Actor;
import org.yiwang.platform.Role;
import org.yiwang.platform.WorkbenchCard;
import org.yiwang.platform.WorkbenchCard.Tone;
import org.yiwang.registry.RegisterQueries;

import java.util.List;

/**
 * The registers on the 工作台 of those who keep them day to day (grid workers and the community's staff): how
 * many people live in their territory and how many of them are cared for. Not for wider scopes, where the
 * count would run over a whole district's register on every visit of the home page.
 */
@Component
class RegistryWorkbench implements WorkbenchCard.Source {

    private final RegisterQueries queries;

    RegistryWorkbench(RegisterQueries queries) {
        this.queries = queries;
    }

    @Override
    public List<WorkbenchCard> cardsFor(Actor actor) {
        if (!actor.hasAny(Role.GRID_WORKER, Role.COMMUNITY_STAFF) || actor.scope().citywide()) {
            return List.of();
        }
        RegisterQueries.Overview overview = queries.overview(actor);
        return List.of(
                new WorkbenchCard("registry.workbench.people", Long.toString(overview.people()), "/registry", Tone.NORMAL, 30),
                new WorkbenchCard("registry.workbench.cared", Long.toString(overview.cared()), "/registry", Tone.NORMAL, 31));
    }
}
