package org.yiwang.cogov.web;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yiwang.cogov.alliance.Alliance;
import org.yiwang.platform.Actor;
import org.yiwang.platform.Actors;
import org.yiwang.platform.LocalizedException;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * 党建联盟 screens: member units and their 实事项目 for the street's staff ({@code /cogov/alliance}), progress
 * reports, and the 公示 page every signed-in user (residents too) sees ({@code /m/projects}).
 */
@Controller
class AllianceDesk {

    private final Alliance alliance;
    private final Forms forms;

    AllianceDesk(Alliance alliance, Forms forms) {
        this.alliance = alliance;
        this.forms = forms;
    }

    @GetMapping("/cogov/alliance")
    String page(Model model) {
        Actor actor = CouncilDesk.staff();
        List<Alliance.AllianceUnit> units = alliance.units(actor);
        model.addAttribute("units", units);
        List<Long> unitIds = units.stream().map(Alliance.AllianceUnit::id).toList();
        model.addAttribute("projects", alliance.display().stream().filter(p -> unitIds.contains(p.unitId())).toList());
        model.addAttribute("street", actor.scope().divisionPrefixes().stream().map(p -> p.length() >= 9 ? p.substring(0, 9) : p)
                .filter(p -> p.length() == 9).findFirst().orElse(""));
        return "cogov/alliance";
    }

    @PostMapping("/cogov/alliance/units")
    String addUnit(@RequestParam(required = false) @Nullable String streetCode, @RequestParam(required = false) @Nullable String name,
                   @RequestParam(required = false) @Nullable String kind, RedirectAttributes redirect) {
        Actor actor = CouncilDesk.staff();
        return forms.step(redirect, "/cogov/alliance", "cogov.alliance.unitAdded", () -> alliance.addUnit(streetCode, name, kind, actor));
    }

    @PostMapping("/cogov/alliance/projects")
    String addProject(@RequestParam(required = false) @Nullable Long unitId, @RequestParam(required = false) @Nullable String communityCode,
                      @RequestParam(required = false) @Nullable String title, @RequestParam(required = false) @Nullable String description,
                      @RequestParam(required = false) @Nullable String due, RedirectAttributes redirect) {
        Actor actor = CouncilDesk.staff();
        return forms.step(redirect, "/cogov/alliance", "cogov.alliance.projectAdded", () -> {
            if (unitId == null) {
                throw LocalizedException.badRequest("cogov.error.required", "unitId");
            }
            alliance.addProject(unitId, communityCode, title, description, date(due), actor);
        });
    }

    @PostMapping("/cogov/alliance/projects/{id}/progress")
    String report(@PathVariable long id, @RequestParam(required = false) @Nullable Integer progress,
                  @RequestParam(required = false) @Nullable String note, RedirectAttributes redirect) {
        Actor actor = CouncilDesk.staff();
        return forms.step(redirect, "/cogov/alliance", "cogov.alliance.reported", () -> alliance.report(id, progress, note, actor));
    }

    @GetMapping("/m/projects")
    String display(Model model) {
        Actors.require();
        model.addAttribute("projects", alliance.display());
        model.addAttribute("publicLink", true);
        return "cogov/m-projects";
    }

    /**
     * 实事项目公示 for anyone, signed in or not (as 唯亭 shows its projects publicly): titles, units, progress and
     * deadlines only — no person's name, no progress notes.
     */
    @GetMapping("/public/projects")
    String publicDisplay(Model model) {
        model.addAttribute("projects", alliance.display());
        model.addAttribute("publicLink", false);
        return "cogov/m-projects";
    }

    private static LocalDate date(@Nullable String text) {
        if (text == null || text.isBlank()) {
            throw LocalizedException.badRequest("cogov.error.required", "due");
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw LocalizedException.badRequest("cogov.error.invalid", "due", text);
        }
    }
}
