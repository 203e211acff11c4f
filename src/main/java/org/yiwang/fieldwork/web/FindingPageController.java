package org.yiwang.fieldwork.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.yiwang.fieldwork.Finding;
import org.yiwang.fieldwork.FindingAction;
import org.yiwang.fieldwork.Findings;
import org.yiwang.platform.Actor;
import org.yiwang.platform.Actors;
import org.yiwang.platform.MobileShell;
import org.yiwang.platform.ChinaTime;
import org.yiwang.platform.Role;
import org.yiwang.platform.YiwangProperties;

import java.util.List;
import java.util.Optional;

/** 民情日志 — one finding of the worker's on the phone: what, when, where, photos, its order, and what other modules offer. */
@Controller
class FindingPageController {

    private final Findings findings;
    private final List<FindingAction> actions;
    private final String tileUrl;

    FindingPageController(Findings findings, List<FindingAction> actions, YiwangProperties settings) {
        this.findings = findings;
        this.actions = List.copyOf(actions);
        this.tileUrl = settings.map().tileUrl();
    }

    @ModelAttribute("mobile")
    MobileShell mobile() {
        return MobileShell.current(tileUrl);
    }

    @ModelAttribute("tab")
    String tab() {
        return "patrol";
    }

    @GetMapping("/m/findings/{id}")
    String one(@PathVariable long id, Model model) {
        Actor actor = Actors.requireAny(Role.GRID_WORKER);
        Finding finding = findings.get(id, actor);
        model.addAttribute("finding", finding);
        model.addAttribute("at", ChinaTime.MINUTES.format(finding.at()));
        model.addAttribute("actions", actions.stream().map(a -> a.link(finding, actor)).flatMap(Optional::stream).toList());
        return "fieldwork/finding";
    }
}
