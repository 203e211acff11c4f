package org.yiwang.geo.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.yiwang.geo.ChangeGrid;
import org.yiwang.geo.CoordinateSystem;
import org.yiwang.geo.DedicatedType;
import org.yiwang.geo.DivisionRef;
import org.yiwang.geo.Grid;
import org.yiwang.geo.GridExports;
import org.yiwang.geo.GridImports;
import org.yiwang.geo.GridKind;
import org.yiwang.geo.GridPage;
import org.yiwang.geo.GridQuery;
import org.yiwang.geo.GridSummary;
import org.yiwang.geo.GridWorker;
import org.yiwang.geo.Grids;
import org.yiwang.geo.ImportOptions;
import org.yiwang.geo.ImportProblem;
import org.yiwang.geo.ImportReport;
import org.yiwang.geo.LonLat;
import org.yiwang.geo.internal.GeoJsonWriter;
import org.yiwang.platform.Actor;
import org.yiwang.platform.Actors;
import org.yiwang.platform.LocalizedException;
import org.yiwang.platform.Role;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Grids for staff: list, detail, GeoJSON export — each limited to the caller's data scope, so that a
 * grid outside it answers 404 as if it did not exist — and, for administrators inside their scope,
 * GeoJSON import, changes and deletion.
 */
@RestController
@RequestMapping("/api/geo")
class GridController {

    static final MediaType GEO_JSON = MediaType.parseMediaType("application/geo+json");

    private final Grids grids;
    private final GridImports imports;
    private final GridExports exports;
    private final MessageSource messages;

    GridController(Grids grids, GridImports imports, GridExports exports, MessageSource messages) {
        this.grids = grids;
        this.imports = imports;
        this.exports = exports;
        this.messages = messages;
    }

    @GetMapping("/grids")
    GridList list(@RequestParam(required = false) String community, @RequestParam(required = false) String street,
                  @RequestParam(required = false) String kind, @RequestParam(defaultValue = "0") int page,
                  @RequestParam(defaultValue = "50") int size) {
        Actor actor = Actors.require();
        requireCode("community", community, "\\d{12}");
        requireCode("street", street, "\\d{9}");
        GridKind gridKind = kind == null || kind.isBlank() ? null
                : GridKind.parse(kind).orElseThrow(() -> LocalizedException.badRequest("geo.param.kind", kind));
        if (page < 0) {
            throw LocalizedException.badRequest("geo.param.range", "page", 0, Integer.MAX_VALUE, page);
        }
        if (size < 1 || size > GridQuery.MAX_SIZE) {
            throw LocalizedException.badRequest("geo.param.range", "size", 1, GridQuery.MAX_SIZE, size);
        }
        GridPage result = grids.list(new GridQuery(community, street, gridKind, page, size), actor.scope());
        return new GridList(result.content().stream().map(GridController::item).toList(), result.page(), result.size(),
                result.totalElements(), result.totalPages());
    }

    @GetMapping("/grids/{code}")
    GridDetail detail(@PathVariable String code) {
        Actor actor = Actors.require();
        return grids.find(code, actor.scope()).map(GridController::detail)
                .orElseThrow(() -> LocalizedException.notFound("geo.grid.notFound", code));
    }

    /** The caller's communities and grids as GeoJSON, optionally one street's or community's. */
    @GetMapping(value = "/grids.geojson", produces = {"application/geo+json", "application/json"})
    ResponseEntity<byte[]> export(@RequestParam(required = false) String community, @RequestParam(required = false) String street) {
        Actor actor = Actors.require();
        requireCode("community", community, "\\d{12}");
        requireCode("street", street, "\\d{9}");
        String under = community != null ? community : street;
        byte[] body = exports.geoJson(actor.scope(), under);
        return ResponseEntity.ok().contentType(GEO_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"grids" + (under == null ? "" : "-" + under) + ".geojson\"")
                .body(body);
    }

    /**
     * Imports a GeoJSON file (see {@link GridImports} for its format and the rule that it describes its
     * communities completely): 200 with the report, or 422 with the problems and nothing changed.
     */
    @PostMapping(value = "/grids/import", consumes = {"application/geo+json", "application/json"})
    ResponseEntity<?> importBody(@RequestBody(required = false) byte[] body, @RequestParam(defaultValue = "false") boolean dryRun,
                                 @RequestParam(required = false) String crs, HttpServletRequest request) {
        return importFile(body, dryRun, crs, request);
    }

    @PostMapping(value = "/grids/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<?> importUpload(@RequestParam(value = "file", required = false) MultipartFile file,
                                   @RequestParam(defaultValue = "false") boolean dryRun,
                                   @RequestParam(required = false) String crs, HttpServletRequest request) throws IOException {
        Actors.requireAny(Role.ADMIN);
        if (file == null || file.isEmpty()) {
            throw LocalizedException.badRequest("error.missingParameter", "file");
        }
        return importFile(file.getBytes(), dryRun, crs, request);
    }

    private ResponseEntity<?> importFile(byte[] body, boolean dryRun, String crs, HttpServletRequest request) {
        Actor actor = Actors.requireAny(Role.ADMIN);
        CoordinateSystem coordinates = crs == null || crs.isBlank() ? CoordinateSystem.WGS84
                : CoordinateSystem.parse(crs).orElseThrow(() -> LocalizedException.badRequest("geo.param.crs", crs));
        ImportReport report = imports.importGeoJson(body, new ImportOptions(dryRun, coordinates), actor.scope());
        Locale locale = LocaleContextHolder.getLocale();
        ReportJson json = ReportJson.of(report, messages, locale);
        if (report.accepted()) {
            return ResponseEntity.ok(json);
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                messages.getMessage("geo.import.rejected", new Object[]{report.problemCount()}, locale));
        problem.setTitle(messages.getMessage("error.title.422", null, "Unprocessable", locale));
        problem.setInstance(URI.create(request.getRequestURI()));
        problem.setProperty("code", "geo.import.rejected");
        problem.setProperty("problems", json.problems());
        problem.setProperty("report", json);
        return ResponseEntity.unprocessableContent().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** Changes name, households, population or dedicated type of a grid in the administrator's scope. */
    @PatchMapping("/grids/{code}")
    GridDetail change(@PathVariable String code, @Valid @RequestBody GridChange change) {
        Actor actor = Actors.requireAny(Role.ADMIN);
        DedicatedType type = change.dedicatedType() == null ? null : DedicatedType.parse(change.dedicatedType())
                .orElseThrow(() -> LocalizedException.badRequest("geo.param.dedicatedType", change.dedicatedType(),
                        Arrays.toString(DedicatedType.values())));
        Grid changed = grids.change(new ChangeGrid(code, change.name(), change.households(), change.population(), type),
                actor.scope());
        return detail(changed);
    }

    /** Deletes a dedicated grid in the administrator's scope (comprehensive grids: 409, re-import instead). */
    @DeleteMapping("/grids/{code}")
    ResponseEntity<Void> delete(@PathVariable String code) {
        Actor actor = Actors.requireAny(Role.ADMIN);
        grids.delete(code, actor.scope());
        return ResponseEntity.noContent().build();
    }

    private static void requireCode(String parameter, String value, String format) {
        if (value != null && !value.matches(format)) {
            throw LocalizedException.badRequest("geo.param.divisionCode", parameter, value);
        }
    }

    private static GridItem item(GridSummary s) {
        return new GridItem(s.code(), s.name(), s.kind().id(), s.dedicatedType(), new DivisionRef(s.communityCode(), s.communityName()),
                s.households(), s.population(), round(s.areaM2()), s.workers(), s.fullTimeWorkers());
    }

    private static GridDetail detail(Grid g) {
        return new GridDetail(g.code(), g.name(), g.kind().id(), g.dedicatedType(), g.community(), g.street(), g.district(),
                g.households(), g.population(), round(g.areaM2()), g.workers(), g.hasFullTimeWorker(), g.updatedAt(),
                GeoJsonWriter.toMap(g.geometry()));
    }

    private static double round(double squareMetres) {
        return Math.round(squareMetres * 10) / 10.0;
    }

    record GridList(List<GridItem> content, int page, int size, long totalElements, long totalPages) {
    }

    record GridItem(String code, String name, String kind, DedicatedType dedicatedType, DivisionRef community,
                    int households, int population, double areaM2, int workers, int fullTimeWorkers) {
    }

    /** A change of a grid; absent fields stay as they are. */
    record GridChange(@Size(min = 1, max = ChangeGrid.MAX_NAME_LENGTH) @Pattern(regexp = "(?s).*\\S.*") String name,
                      @PositiveOrZero @Max(1_000_000) Integer households,
                      @PositiveOrZero @Max(10_000_000) Integer population,
                      String dedicatedType) {
    }

    record GridDetail(String code, String name, String kind, DedicatedType dedicatedType, DivisionRef community,
                      DivisionRef street, DivisionRef district, int households, int population, double areaM2,
                      List<GridWorker> workers, boolean hasFullTimeWorker, Instant updatedAt, Map<String, Object> geometry) {
    }

    record ReportJson(boolean accepted, boolean dryRun, int features, List<String> communities, int created, int updated,
                      int removed, int problemCount, List<ProblemJson> problems) {

        static ReportJson of(ImportReport r, MessageSource messages, Locale locale) {
            return new ReportJson(r.accepted(), r.dryRun(), r.features(), r.communities(), r.created(), r.updated(),
                    r.removed(), r.problemCount(),
                    r.problems().stream().map(p -> new ProblemJson(p.feature(), p.code(), p.severity().name(),
                            p.reason(messages, locale), p.messageKey(), p.at())).toList());
        }
    }

    /**
     * @param feature zero-based feature index, absent for the file as a whole
     * @param key the message key, stable for programs
     */
    record ProblemJson(Integer feature, String code, String severity, String reason, String key, LonLat at) {
    }
}
