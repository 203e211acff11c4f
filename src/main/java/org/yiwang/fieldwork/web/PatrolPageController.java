package org.yiwang.fieldwork.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.yiwang.fieldwork.FieldworkProperties;
import org.yiwang.fieldwork.PatrolDay;
import org.yiwang.fieldwork.Patrols;
import org.yiwang.geo.MapProperties;
import org.yiwang.platform.Actor;
import org.yiwang.platform.Actors;
import org.yiwang.platform.ChinaTime;
import org.yiwang.platform.Role;

import java.time.Clock;
import java.time.LocalDate;

/**
 * 巡查 on the phone: start and stop the patrol, today's time inside the own grids against the 3-hour rule.
 * The page's script follows the phone's position (watchPosition), keeps the points in localStorage and
 * sends them in batches, later when the phone was offline.
 */
@Controller
class PatrolPageController {

    private final Patrols patrols;
    private final FieldworkProperties properties;
    private final MapProperties map;
    private final Clock clock;

    PatrolPageController(Patrols patrols, FieldworkProperties properties, MapProperties map, Clock clock) {
        this.patrols = patrols;
        this.properties = properties;
        this.map = map;
        this.clock = clock;
    }

    @ModelAttribute("mobile")
    PatrolShell mobile() {
        return PatrolShell.of(Actors.current().orElse(null), map.tileUrl());
    }

    @ModelAttribute("tab")
    String tab() {
        return "patrol";
    }

    @GetMapping("/m/patrol")
    String patrol(Model model) {
        Actor actor = Actors.requireAny(Role.GRID_WORKER);
        LocalDate today = LocalDate.now(clock.withZone(ChinaTime.ZONE));
        PatrolDay day = patrols.days(actor, today, today).getFirst();
        var running = patrols.running(actor);
        model.addAttribute("patrol", running.orElse(null));
        model.addAttribute("startedAt", running.map(p -> ChinaTime.MINUTES.format(p.startedAt())).orElse(""));
        model.addAttribute("today", day);
        model.addAttribute("minutes", day.inGrid().toMinutes());
        model.addAttribute("targetHours", properties.dailyTarget().toMinutes() / 60.0);
        model.addAttribute("maxBatch", properties.maxBatch());
        return "fieldwork/patrol";
    }
}
