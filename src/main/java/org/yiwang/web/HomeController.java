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

/** 工作台 — the first page after signing in: who you are and the territory you are responsible for. */
@Controller
class HomeController {

    private final Grids grids;

    HomeController(Grids grids) {
        this.grids = grids;
    }

    @GetMapping("/")
    String home(Model model) {
        Actor actor = Actors.require();
        model.addAttribute("roles", actor.roles().stream().sorted().toList());
        if (actor.isStaff()) {
            model.addAttribute("comprehensiveGrids", count(actor, GridKind.COMPREHENSIVE));
            model.addAttribute("dedicatedGrids", count(actor, GridKind.DEDICATED));
        }
        if (actor.has(Role.GRID_WORKER)) {
            model.addAttribute("myGrids", grids.gridsOf(actor.userId()));
        }
        return "web/home";
    }

    private long count(Actor actor, GridKind kind) {
        return grids.list(new GridQuery(null, null, kind, 0, 1), actor.scope()).totalElements();
    }
}
