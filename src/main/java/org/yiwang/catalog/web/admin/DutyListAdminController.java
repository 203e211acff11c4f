package org.yiwang.catalog.web.admin;

import org.yiwang.platform.ChinaTime;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yiwang.catalog.Catalog;
import org.yiwang.catalog.DutyEntry;
import org.yiwang.catalog.DutyList;
import org.yiwang.catalog.DutyListImport;
import org.yiwang.catalog.DutyListVersion;
import org.yiwang.platform.Actor;
import org.yiwang.platform.Actors;
import org.yiwang.platform.Role;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * 职责清单 — the duty list's versions: import a CSV as a new draft (all or nothing, with a report of every
 * bad line), look at a version's entries, export it, activate it, roll back to an older one, delete a
 * draft.
 */
@Controller
class DutyListAdminController {

    static final int PAGE_SIZE = 50;
    private static final DateTimeFormatter TIME = ChinaTime.MINUTES;

    private final DutyList dutyList;
    private final Catalog catalog;
    private final MessageSource messages;

    DutyListAdminController(DutyList dutyList, Catalog catalog, MessageSource messages) {
        this.dutyList = dutyList;
        this.catalog = catalog;
        this.messages = messages;
    }

    /** A version as the table shows it. */
    record VersionRow(int number, String status, String note, String createdBy, String createdAt, String activatedBy,
                      String activatedAt, int entries, boolean draft, boolean active) {

        static VersionRow of(DutyListVersion v) {
            return new VersionRow(v.number(), v.status().name(), v.note(), v.createdBy(), time(v.createdAt()), v.activatedBy(),
                    time(v.activatedAt()), v.entries(), v.status() == org.yiwang.catalog.DutyListStatus.DRAFT,
                    v.status() == org.yiwang.catalog.DutyListStatus.ACTIVE);
        }
    }

    /** An entry as the table shows it. */
    record EntryRow(String categoryCode, String categoryName, String level, String department, List<String> assisting,
                    String ruleId, String note) {
    }

    /** A bad line of an import. */
    record ProblemRow(int line, String reason) {
    }

    @GetMapping("/admin/duty-list")
    String versions(Model model) {
        Actors.requireAny(Role.ADMIN);
        return page(model);
    }

    @PostMapping("/admin/duty-list/import")
    String importCsv(@RequestParam(required = false) MultipartFile file, @RequestParam(required = false) String note, Model model,
                     RedirectAttributes redirect, HttpServletResponse response) throws IOException {
        Actor admin = Actors.requireAny(Role.ADMIN);
        if (file == null || file.isEmpty()) {
            response.setStatus(400);
            model.addAttribute("importError", label("admin.dutyList.fileRequired"));
            model.addAttribute("flashError", label("admin.dutyList.fileRequired"));
            return page(model);
        }
        DutyListImport result = dutyList.importCsv(file.getBytes(), note, admin);
        if (result.accepted()) {
            redirect.addFlashAttribute("flashSuccess", label("catalog.dutyList.import.accepted",
                    result.version().number(), result.version().entries()));
            return "redirect:/admin/duty-list/" + result.version().number();
        }
        response.setStatus(422);
        List<ProblemRow> problems = result.problems().stream().map(p -> {
            Object[] args = new Object[p.args().size() + 1];
            args[0] = String.valueOf(p.line());
            for (int i = 0; i < p.args().size(); i++) {
                args[i + 1] = p.args().get(i);
            }
            return new ProblemRow(p.line(), label(p.messageKey(), args));
        }).toList();
        model.addAttribute("problems", problems);
        model.addAttribute("problemCount", result.problemCount());
        model.addAttribute("rows", result.rows());
        model.addAttribute("fileName", file.getOriginalFilename());
        model.addAttribute("flashError", label("catalog.dutyList.import.rejected", result.problemCount()));
        return page(model);
    }

    @GetMapping("/admin/duty-list/{number}")
    String version(@PathVariable int number, @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
                   Model model) {
        Actors.requireAny(Role.ADMIN);
        DutyListVersion version = dutyList.version(number);
        String text = q == null ? "" : q.strip().toUpperCase(java.util.Locale.ROOT);
        List<DutyEntry> entries = dutyList.entries(number).stream()
                .filter(e -> text.isEmpty() || e.categoryCode().startsWith(text) || e.ruleId().toUpperCase(java.util.Locale.ROOT).contains(text))
                .toList();
        int pages = Math.max(1, (entries.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = Math.max(0, Math.min(page, pages - 1));
        model.addAttribute("version", localized(VersionRow.of(version)));
        model.addAttribute("entries", entries.subList(current * PAGE_SIZE, Math.min(entries.size(), (current + 1) * PAGE_SIZE))
                .stream().map(this::row).toList());
        model.addAttribute("page", current);
        model.addAttribute("totalPages", pages);
        model.addAttribute("total", entries.size());
        return "catalog/admin/duty-version";
    }

    @GetMapping("/admin/duty-list/{number}/export")
    ResponseEntity<byte[]> export(@PathVariable int number) {
        Actors.requireAny(Role.ADMIN);
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("duty-list-v" + number + ".csv").build().toString())
                .body(dutyList.export(number, true));
    }

    /** 启用 — also a rollback when the version is an older, retired one. */
    @PostMapping("/admin/duty-list/{number}/activate")
    String activate(@PathVariable int number, RedirectAttributes redirect) {
        Actor admin = Actors.requireAny(Role.ADMIN);
        DutyListVersion before = dutyList.active().orElse(null);
        DutyListVersion version = dutyList.activate(number, admin);
        boolean rollback = before != null && before.number() > version.number();
        redirect.addFlashAttribute("flashSuccess", label(rollback ? "admin.dutyList.rolledBack" : "admin.dutyList.activated", number));
        return "redirect:/admin/duty-list";
    }

    @PostMapping("/admin/duty-list/{number}/delete")
    String delete(@PathVariable int number, RedirectAttributes redirect) {
        Actors.requireAny(Role.ADMIN);
        dutyList.deleteDraft(number);
        redirect.addFlashAttribute("flashSuccess", label("admin.dutyList.deleted", number));
        return "redirect:/admin/duty-list";
    }

    private String page(Model model) {
        model.addAttribute("versions", dutyList.versions().stream().map(VersionRow::of).map(this::localized).toList());
        return "catalog/admin/duty-list";
    }

    private EntryRow row(DutyEntry e) {
        return new EntryRow(e.categoryCode(), catalog.find(e.categoryCode()).map(c -> c.name()).orElse(""),
                label("admin.dutyList.level." + e.level().name()),
                e.department() == null ? label("admin.dutyList.office") : label("people.departmentType." + e.department().name()),
                e.assisting().stream().map(d -> label("people.departmentType." + d.name())).toList(), e.ruleId(), e.note());
    }

    private static String time(Instant instant) {
        return instant == null ? null : TIME.format(instant);
    }

    /** The note the platform wrote on the generated first version, in the reader's language. */
    private VersionRow localized(VersionRow row) {
        if (!java.util.Set.of("生成的默认职责清单", "生成的默认职责清单 / generated default duty list").contains(row.note())) {
            return row;
        }
        return new VersionRow(row.number(), row.status(), label("admin.dutyList.generatedNote"), row.createdBy(), row.createdAt(),
                row.activatedBy(), row.activatedAt(), row.entries(), row.draft(), row.active());
    }

    private String label(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
