package org.yiwang.fieldwork.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yiwang.fieldwork.WorkerFigures;
import org.yiwang.platform.Actor;
import org.yiwang.platform.Actors;
import org.yiwang.platform.LocalizedException;
import org.yiwang.platform.Role;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Grid workers' figures for assessment (考核): patrol hours, days meeting 3 h, findings, closures on the spot. */
@RestController
@Tag(name = "Field work")
class FiguresController {

    private final WorkerFigures figures;

    FiguresController(WorkerFigures figures) {
        this.figures = figures;
    }

    record FiguresJson(String area, LocalDate from, LocalDate to, List<WorkerFigures.Figures> workers) {
    }

    @Operation(summary = "Per grid worker of one grid, community or street in your scope: patrol minutes, days meeting 3 h, findings, on-the-spot closures")
    @GetMapping("/api/fieldwork/figures")
    FiguresJson figures(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                        @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                        @RequestParam(required = false) @Nullable String grid,
                        @RequestParam(required = false) @Nullable String community,
                        @RequestParam(required = false) @Nullable String street) {
        Actor actor = Actors.requireAny(Role.DISPATCHER, Role.LEADER, Role.ADMIN, Role.COMMUNITY_STAFF);
        List<String> given = new ArrayList<>();
        String area = null;
        for (String[] p : new String[][]{{"grid", grid, "15"}, {"community", community, "12"}, {"street", street, "9"}}) {
            if (p[1] != null && !p[1].isBlank()) {
                given.add(p[0]);
                area = p[1].strip();
                if (area.length() != Integer.parseInt(p[2]) || !area.chars().allMatch(Character::isDigit)) {
                    throw LocalizedException.badRequest("error.typeMismatch", p[0], p[1]);
                }
            }
        }
        if (given.size() != 1 || area == null) {
            throw LocalizedException.badRequest("fieldwork.error.oneArea");
        }
        if (to.isBefore(from) || from.plusDays(PatrolController.MAX_DAYS).isBefore(to)) {
            throw LocalizedException.badRequest("fieldwork.error.period", PatrolController.MAX_DAYS);
        }
        if (!actor.scope().covers(area)) {
            throw LocalizedException.notFound("fieldwork.error.areaNotFound", area);
        }
        return new FiguresJson(area, from, to, figures.of(area, from, to));
    }
}
