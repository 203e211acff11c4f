package org.yiwang.fieldwork.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.yiwang.fieldwork.CareVisits;
import org.yiwang.fieldwork.DoorService;
import org.yiwang.fieldwork.NeedKind;
import org.yiwang.fieldwork.RecordVisit;
import org.yiwang.fieldwork.Visit;
import org.yiwang.fieldwork.VisitCoverage;
import org.yiwang.fieldwork.VisitCycles;
import org.yiwang.fieldwork.Visits;
import org.yiwang.platform.Actors;
import org.yiwang.platform.LocalizedException;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** 入户走访 and 关爱走访 API: households due, visits, coverage per grid/community/street, care visits, grid cycles. */
@RestController
@RequestMapping("/api/fieldwork/visits")
@Tag(name = "Field work")
class VisitController {

    private final Visits visits;
    private final CareVisits care;
    private final VisitCycles cycles;

    VisitController(Visits visits, CareVisits care, VisitCycles cycles) {
        this.visits = visits;
        this.care = care;
        this.cycles = cycles;
    }

    /**
     * A visit as the phone sends it; {@code photoIds} are photos uploaded before ({@code POST /api/photos}).
     *
     * @param needKinds     {@link NeedKind} names
     * @param services      {@link DoorService} names: what was done at the door
     * @param metPersonIds  members of the household met (each counts as a care visit for them)
     * @param followUp      report the needs as a work order
     */
    record VisitInput(@Nullable Long householdId, @Nullable Boolean present, @Nullable String needs,
                      @Nullable List<String> needKinds, @Nullable List<String> services, @Nullable String note,
                      @Nullable List<String> photoIds, @Nullable List<Long> metPersonIds, @Nullable Boolean followUp,
                      @Nullable String categoryCode, @Nullable String requestId) {
    }

    record CareInput(@Nullable Long personId, @Nullable String note, @Nullable String requestId) {
    }

    record CycleInput(@Nullable String cycle, @Nullable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate anchor) {
    }

    record CoverageRow(String code, long households, long covered, double ratio, long overdue, long roundsCompleted) {

        static CoverageRow of(VisitCoverage c) {
            return new CoverageRow(c.code(), c.households(), c.covered(), Math.round(c.ratio() * 10_000) / 10_000.0, c.overdue(),
                    c.roundsCompleted());
        }
    }

    @Operation(summary = "Households of my grids (or one grid) not yet visited in the current round, never visited first; all=true lists the covered too")
    @GetMapping("/due")
    Visits.Page<Visits.HouseholdDue> due(@RequestParam(required = false) @Nullable String grid,
                                         @RequestParam(defaultValue = "false") boolean all,
                                         @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return visits.due(grid, all, page, size, Actors.require());
    }

    @Operation(summary = "One household of my scope: its members (masked, visible care tags) and its visits")
    @GetMapping("/households/{id}")
    Visits.HouseholdDetail household(@PathVariable long id) {
        return visits.household(id, Actors.require());
    }

    @Operation(summary = "Record a household visit (idempotent by requestId); followUp reports the needs as a work order")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Visit record(@RequestBody VisitInput input) {
        if (input.householdId() == null) {
            throw LocalizedException.badRequest("fieldwork.error.visitField", "householdId");
        }
        if (input.present() == null) {
            throw LocalizedException.badRequest("fieldwork.error.visitField", "present");
        }
        return visits.record(new RecordVisit(input.householdId(), input.present(), input.needs(),
                parse(input.needKinds(), NeedKind.class, "needKinds"), parse(input.services(), DoorService.class, "services"),
                input.note(), input.photoIds(), input.metPersonIds(), Boolean.TRUE.equals(input.followUp()), input.categoryCode(),
                input.requestId()), Actors.require());
    }

    @Operation(summary = "Coverage of the current round per grid, community, street or district of my scope (or inside area): households, covered, ratio, overdue, rounds completed")
    @GetMapping("/coverage")
    List<CoverageRow> coverage(@RequestParam(defaultValue = "grid") String level, @RequestParam(required = false) @Nullable String area) {
        return visits.coverage(level, area, Actors.require()).stream().map(CoverageRow::of).toList();
    }

    @Operation(summary = "Care visits of my grids (or one grid): status DUE (default: due today or overdue), OVERDUE or ALL, longest overdue first")
    @GetMapping("/care")
    List<CareVisits.CarePerson> careList(@RequestParam(required = false) @Nullable String grid,
                                         @RequestParam(required = false) @Nullable String status) {
        return care.list(grid, CareVisits.Filter.parse(status), Actors.require());
    }

    @Operation(summary = "Care visits due today or overdue per grid of my territory (for the command map)")
    @GetMapping("/care/by-grid")
    List<CareVisits.GridDue> careByGrid() {
        return care.dueByGrid(Actors.require());
    }

    @Operation(summary = "Care visits of my grids (or one grid) in numbers: people with care tags, due today or overdue, overdue")
    @GetMapping("/care/summary")
    CareVisits.Summary careSummary(@RequestParam(required = false) @Nullable String grid) {
        return care.summary(grid, Actors.require());
    }

    @Operation(summary = "Record a care visit of one person (idempotent by requestId)")
    @PostMapping("/care")
    @ResponseStatus(HttpStatus.CREATED)
    CareVisits.CareVisit recordCare(@RequestBody CareInput input) {
        if (input.personId() == null) {
            throw LocalizedException.badRequest("fieldwork.error.visitField", "personId");
        }
        return care.record(input.personId(), input.note(), input.requestId(), Actors.require());
    }

    @Operation(summary = "A grid's visit cycle and current round")
    @GetMapping("/cycles/{grid}")
    VisitCycles.GridCycle cycle(@PathVariable String grid) {
        return cycles.show(grid, Actors.require());
    }

    @Operation(summary = "Set a grid's own visit cycle (P2M, P60D …; admin, or community staff for their grids)")
    @PutMapping("/cycles/{grid}")
    VisitCycles.GridCycle setCycle(@PathVariable String grid, @RequestBody CycleInput input) {
        return cycles.set(grid, input.cycle(), input.anchor(), Actors.require());
    }

    @Operation(summary = "The grid follows the default visit cycle again")
    @DeleteMapping("/cycles/{grid}")
    VisitCycles.GridCycle resetCycle(@PathVariable String grid) {
        return cycles.reset(grid, Actors.require());
    }

    static <E extends Enum<E>> Set<E> parse(@Nullable List<String> names, Class<E> type, String field) {
        Set<E> result = EnumSet.noneOf(type);
        if (names == null) {
            return result;
        }
        for (String name : names) {
            try {
                result.add(Enum.valueOf(type, name == null ? "" : name.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw LocalizedException.badRequest("fieldwork.error.visitField", field);
            }
        }
        return result;
    }
}
