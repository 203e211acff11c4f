package org.yiwang.catalog.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.yiwang.catalog.Catalog;
import org.yiwang.catalog.Category;
import org.yiwang.catalog.DutyCandidate;
import org.yiwang.catalog.DutyEntry;
import org.yiwang.catalog.DutyList;
import org.yiwang.catalog.DutyListImport;
import org.yiwang.catalog.DutyListVersion;
import org.yiwang.catalog.DutyRouting;
import org.yiwang.catalog.RoutingPrinciple;
import org.yiwang.platform.Actor;
import org.yiwang.platform.LocalizedException;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The duty list for staff to read and administrators to change: versions, CSV export and import
 * (all or nothing), activation and rollback, and the candidates routing would try for a category.
 */
@RestController
@RequestMapping("/api/catalog/duty-list")
class DutyListController {

    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    static final String OFFICE = "OFFICE";

    private final DutyList dutyList;
    private final Catalog catalog;
    private final MessageSource messages;

    DutyListController(DutyList dutyList, Catalog catalog, MessageSource messages) {
        this.dutyList = dutyList;
        this.catalog = catalog;
        this.messages = messages;
    }

    /** The active version with its entries. */
    @GetMapping
    VersionWithEntries current() {
        Access.staff();
        DutyListVersion active = dutyList.active().orElseThrow(() -> LocalizedException.notFound("catalog.dutyList.noneActive"));
        return new VersionWithEntries(active, dutyList.activeEntries().stream().map(EntryJson::of).toList());
    }

    @GetMapping("/versions")
    List<DutyListVersion> versions() {
        Access.staff();
        return dutyList.versions();
    }

    @GetMapping("/versions/{number}")
    VersionWithEntries version(@PathVariable int number) {
        Access.staff();
        return new VersionWithEntries(dutyList.version(number), dutyList.entries(number).stream().map(EntryJson::of).toList());
    }

    @GetMapping(value = "/export", produces = {"text/csv", "*/*"})
    ResponseEntity<byte[]> exportActive(@RequestParam(defaultValue = "true") boolean bom) {
        Access.staff();
        int number = dutyList.active().orElseThrow(() -> LocalizedException.notFound("catalog.dutyList.noneActive")).number();
        return csv(number, bom);
    }

    @GetMapping(value = "/versions/{number}/export", produces = {"text/csv", "*/*"})
    ResponseEntity<byte[]> export(@PathVariable int number, @RequestParam(defaultValue = "true") boolean bom) {
        Access.staff();
        return csv(number, bom);
    }

    private ResponseEntity<byte[]> csv(int number, boolean bom) {
        byte[] file = dutyList.export(number, bom);
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("duty-list-v" + number + ".csv").build().toString())
                .body(file);
    }

    /** Imports a CSV file sent as the body ({@code text/csv}). */
    @PostMapping(value = "/import", consumes = {"text/csv", "text/plain", "application/octet-stream"})
    ResponseEntity<?> importBody(@RequestBody(required = false) byte[] body, @RequestParam(required = false) String note,
                                 HttpServletRequest request) {
        Actor actor = Access.admin();
        return importFile(body, note, actor, request);
    }

    /** Imports a CSV file uploaded as the form field {@code file}. */
    @PostMapping(value = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<?> importUpload(@RequestParam(value = "file", required = false) MultipartFile file,
                                   @RequestParam(required = false) String note, HttpServletRequest request) throws IOException {
        Actor actor = Access.admin();
        if (file == null) {
            throw LocalizedException.badRequest("error.missingParameter", "file");
        }
        return importFile(file.getBytes(), note, actor, request);
    }

    private ResponseEntity<?> importFile(byte[] file, String note, Actor actor, HttpServletRequest request) {
        DutyListImport result = dutyList.importCsv(file, note, actor);
        Locale locale = LocaleContextHolder.getLocale();
        if (result.accepted()) {
            DutyListVersion version = result.version();
            URI location = ServletUriComponentsBuilder.fromCurrentContextPath()
                    .path("/api/catalog/duty-list/versions/{number}").buildAndExpand(version.number()).toUri();
            return ResponseEntity.created(location).body(new ImportAccepted(true, version, result.rows(),
                    messages.getMessage("catalog.dutyList.import.accepted", new Object[]{version.number(), version.entries()}, locale)));
        }
        List<ProblemJson> problems = new ArrayList<>();
        for (DutyListImport.Problem p : result.problems()) {
            Object[] args = new Object[p.args().size() + 1];
            args[0] = String.valueOf(p.line());
            for (int i = 0; i < p.args().size(); i++) {
                args[i + 1] = p.args().get(i);
            }
            problems.add(new ProblemJson(p.line(), messages.getMessage(p.messageKey(), args, p.messageKey(), locale), p.messageKey()));
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                messages.getMessage("catalog.dutyList.import.rejected", new Object[]{result.problemCount()}, locale));
        problem.setTitle(messages.getMessage("error.title.422", null, "Unprocessable", locale));
        problem.setInstance(URI.create(request.getRequestURI()));
        problem.setProperty("code", "catalog.dutyList.import.rejected");
        problem.setProperty("allOrNothing", true);
        problem.setProperty("changed", false);
        problem.setProperty("rows", result.rows());
        problem.setProperty("problemCount", result.problemCount());
        problem.setProperty("problems", problems);
        return ResponseEntity.unprocessableContent().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** Makes a version active, retiring the one before; activating an older version rolls back. */
    @PostMapping("/versions/{number}/activate")
    DutyListVersion activate(@PathVariable int number) {
        Actor actor = Access.admin();
        return dutyList.activate(number, actor);
    }

    /** Deletes a draft that was never active. */
    @DeleteMapping("/versions/{number}")
    ResponseEntity<Void> delete(@PathVariable int number) {
        Access.admin();
        dutyList.deleteDraft(number);
        return ResponseEntity.noContent().build();
    }

    /** Who routing would try for a category, in order, and why. */
    @GetMapping("/candidates")
    RoutingJson candidates(@RequestParam String category) {
        Access.staff();
        DutyRouting routing = dutyList.candidates(category);
        Category found = catalog.get(routing.categoryCode());
        List<CandidateJson> candidates = new ArrayList<>();
        for (int i = 0; i < routing.candidates().size(); i++) {
            candidates.add(CandidateJson.of(i + 1, routing.candidates().get(i)));
        }
        return new RoutingJson(found.code(), found.name(), routing.version(), routing.principle(), routing.principle().text(),
                candidates, routing.ruleIds());
    }

    record VersionWithEntries(DutyListVersion version, List<EntryJson> entries) {
    }

    /** @param department the responsible department type, or {@code OFFICE} for the level's own office */
    record EntryJson(String categoryCode, String level, String department, List<String> assisting, String ruleId, String note) {

        static EntryJson of(DutyEntry e) {
            return new EntryJson(e.categoryCode(), e.level().name(), e.department() == null ? OFFICE : e.department().name(),
                    e.assisting().stream().map(Enum::name).toList(), e.ruleId(), e.note());
        }
    }

    record ImportAccepted(boolean accepted, DutyListVersion version, int rows, String message) {
    }

    /**
     * @param line 1-based line of the file (the header is line 1), 0 for the file as a whole
     * @param key the message key, stable for programs
     */
    record ProblemJson(int line, String reason, String key) {
    }

    /** @param office the name of the level's own office when it, not a department, is responsible */
    record CandidateJson(int rank, String level, String department, String office, List<String> assisting, String ruleId,
                         String basis, String note) {

        static CandidateJson of(int rank, DutyCandidate c) {
            return new CandidateJson(rank, c.level().name(), c.department() == null ? OFFICE : c.department().name(),
                    c.department() == null ? c.level().office() : null, c.assisting().stream().map(Enum::name).toList(),
                    c.ruleId(), c.basis().name(), c.note());
        }
    }

    record RoutingJson(String category, String name, int version, RoutingPrinciple principle, String principleText,
                       List<CandidateJson> candidates, List<String> ruleIds) {
    }
}
