package org.yiwang.assessment.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yiwang.assessment.AssessmentTable;
import org.yiwang.assessment.Assessments;
import org.yiwang.assessment.Indicator;
import org.yiwang.assessment.MonthlyReports;
import org.yiwang.assessment.Scheme;
import org.yiwang.assessment.Schemes;
import org.yiwang.platform.Actor;
import org.yiwang.platform.Actors;
import org.yiwang.platform.LocalizedException;
import org.yiwang.platform.Role;

import java.util.List;
import java.util.Map;

/** 考核评价 as JSON: tables, the orders behind a figure, the scheme, the monthly reports. */
@RestController
@RequestMapping("/api/assessment")
@Tag(name = "Assessment")
class AssessmentApi {

    private final Assessments assessments;
    private final Schemes schemes;
    private final MonthlyReports reports;

    AssessmentApi(Assessments assessments, Schemes schemes, MonthlyReports reports) {
        this.assessments = assessments;
        this.schemes = schemes;
        this.reports = reports;
    }

    /** A weights change: indicator name → 0 to 100. */
    record SchemeChange(Map<String, Integer> weights, String note) {
    }

    /** A report to make: month {@code yyyy-MM} and the district or street code. */
    record ReportRequest(String month, String scope) {
    }

    @Operation(summary = "Indicator table of a level (DEPARTMENT, STREET, COMMUNITY, GRID, WORKER) and month, scored and ranked (LEADER, DISPATCHER, ADMIN)")
    @GetMapping("/{level}")
    AssessmentTable table(@PathVariable String level, @RequestParam(required = false) String month) {
        Actor actor = Actors.requireAny(Role.LEADER, Role.DISPATCHER, Role.ADMIN);
        return assessments.table(AssessmentController.level(level), assessments.month(month), actor);
    }

    @Operation(summary = "The orders behind a figure: numerator or denominator of an indicator for one unit and month")
    @GetMapping("/{level}/{code}/orders")
    List<Assessments.OrderRef> orders(@PathVariable String level, @PathVariable String code, @RequestParam String indicator,
                                      @RequestParam(required = false) String month, @RequestParam(required = false) String part) {
        Actor actor = Actors.requireAny(Role.LEADER, Role.DISPATCHER, Role.ADMIN);
        Indicator i = AssessmentController.indicator(indicator);
        return assessments.orders(AssessmentController.level(level), code, assessments.month(month), i,
                AssessmentController.part(part), actor);
    }

    @Operation(summary = "The scoring scheme in force and its earlier versions")
    @GetMapping("/scheme")
    List<Scheme> scheme() {
        Actors.requireAny(Role.LEADER, Role.DISPATCHER, Role.ADMIN);
        return schemes.history();
    }

    @Operation(summary = "A new version of the scoring scheme (ADMIN)")
    @PutMapping("/scheme")
    Scheme changeScheme(@RequestBody SchemeChange change) {
        Actor actor = Actors.requireAny(Role.ADMIN);
        if (change.weights() == null) {
            throw LocalizedException.badRequest("assessment.error.parameter", "weights", "");
        }
        return schemes.change(change.weights(), change.note(), actor);
    }

    @Operation(summary = "Stored monthly reports the reader's territory covers")
    @GetMapping("/reports")
    List<MonthlyReports.Stored> reports() {
        return reports.list(Actors.requireAny(Role.LEADER, Role.DISPATCHER, Role.ADMIN));
    }

    @Operation(summary = "Make (again) a month's workbook and PDF for a district or street the reader covers")
    @PostMapping("/reports")
    List<MonthlyReports.Stored> generate(@RequestBody ReportRequest request) {
        Actor actor = Actors.requireAny(Role.LEADER, Role.DISPATCHER, Role.ADMIN);
        if (request.scope() == null) {
            throw LocalizedException.badRequest("assessment.error.parameter", "scope", "");
        }
        return reports.generate(assessments.month(request.month()), request.scope(), actor);
    }

    @Operation(summary = "Download a stored report")
    @GetMapping("/reports/{id}")
    ResponseEntity<byte[]> download(@PathVariable long id) {
        Actor actor = Actors.requireAny(Role.LEADER, Role.DISPATCHER, Role.ADMIN);
        return AssessmentController.file(reports.download(id, actor).orElseThrow(() -> LocalizedException.notFound("assessment.error.report", id)));
    }
}
