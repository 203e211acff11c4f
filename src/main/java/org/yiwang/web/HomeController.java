package org.yiwang.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.yiwang.geo.GridKind;
import org.yiwang.geo.GridQuery;
import org.yiwang.geo.Grids;
import org.yiwang.platform.Actor;
import org.yiwang.platform.Actors;
import org.yiwang.platform.Role;
import org.yiwang.platform.WorkbenchCard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * 工作台 — the first page after signing in: the figures the modules put there for this user (what waits for
 * them, with a link to act on it), who they are and the territory they are responsible for.
 */
@Controller
class HomeController {

    private static final Logger log = LoggerFactory.getLogger(HomeController.class);

    private final Grids grids;
    private final List<WorkbenchCard.Source> sources;

    HomeController(Grids grids, List<WorkbenchCard.Source> sources) {
        this.grids = grids;
        this.sources = sources;
    }

    @GetMapping("/")
    String home(Model model) {
        Actor actor = Actors.require();
        model.addAttribute("roles", actor.roles().stream().sorted().toList());
        model.addAttribute("workbench", cards(actor));
        if (actor.isStaff()) {
            model.addAttribute("comprehensiveGrids", count(actor, GridKind.COMPREHENSIVE));
            model.addAttribute("dedicatedGrids", count(actor, GridKind.DEDICATED));
        }
        if (actor.has(Role.GRID_WORKER)) {
            model.addAttribute("myGrids", grids.gridsOf(actor.userId()));
        }
        return "web/home";
    }

    /** Every contributor's cards in order; one that fails is logged and left out so the page still opens. */
    List<WorkbenchCard> cards(Actor actor) {
        List<WorkbenchCard> cards = new ArrayList<>();
        for (WorkbenchCard.Source source : sources) {
            try {
                cards.addAll(source.cardsFor(actor));
            } catch (RuntimeException e) {
                log.warn("workbench figures of {} left out: {}", source.getClass().getSimpleName(), e.toString());
            }
        }
        cards.sort(Comparator.comparingInt(WorkbenchCard::order));
        return cards;
    }

    private long count(Actor actor, GridKind kind) {
        return grids.list(new GridQuery(null, null, kind, 0, 1), actor.scope()).totalElements();
    }
}
