package org.yiwang.desks.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yiwang.intake.FieldProblem;
import org.yiwang.intake.ImportSummary;
import org.yiwang.intake.Imports;
import org.yiwang.intake.ReportKind;
import org.yiwang.platform.Actor;
import org.yiwang.platform.LocalizedException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * 批量导入 — a dispatcher imports a file of 12345 hotline orders or 数字城管 cases (CSV or .xlsx) through the intake
 * service, and reads what became of it: rows created, left for 待定位, sent before, and each rejected row with
 * its line number, field and reason.
 */
@Controller
class ImportDesk {

    static final int PROBLEMS_PER_PAGE = 200;
    private static final Map<String, Charset> CHARSETS = Map.of("UTF-8", StandardCharsets.UTF_8, "GB18030", Charset.forName("GB18030"));

    private final Imports imports;
    private final MessageSource messages;

    ImportDesk(Imports imports, MessageSource messages) {
        this.imports = imports;
        this.messages = messages;
    }

    /** One rejected row's problem, in the reader's language. */
    record Problem(long line, String externalNo, String field, String message) {
    }

    /** An import as the desk lists it. */
    record Row(long id, String kind, String fileName, String status, long rows, long created, long pending, long duplicates,
               long rejected, String failure, String startedAt, String finishedAt) {
    }

    @GetMapping("/desks/imports")
    String list(Model model) {
        Actor actor = DeskAccess.dispatcher();
        return render(actor, model, null);
    }

    @PostMapping("/desks/imports")
    String upload(@RequestParam(defaultValue = "hotline") String kind, @RequestParam(required = false) MultipartFile file,
                  @RequestParam(defaultValue = "UTF-8") String charset, Model model, RedirectAttributes redirect,
                  HttpServletResponse response) {
        Actor actor = DeskAccess.dispatcher();
        ReportKind reportKind = ReportKind.parse(kind).orElse(null);
        Charset encoding = CHARSETS.get(charset);
        if (reportKind == null || encoding == null) {
            response.setStatus(400);
            return render(actor, model, label("error.typeMismatch", reportKind == null ? "kind" : "charset",
                    reportKind == null ? kind : charset));
        }
        if (file == null || file.isEmpty()) {
            response.setStatus(400);
            return render(actor, model, label("desks.imports.error.file"));
        }
        try (InputStream in = file.getInputStream()) {
            ImportSummary summary = imports.start(reportKind, in, file.getOriginalFilename(), file.getContentType(), null, encoding,
                    true, actor);
            redirect.addFlashAttribute("flashSuccess", label("desks.imports.done", summary.rows(), summary.rejected()));
            return "redirect:/desks/imports/" + summary.id();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (LocalizedException e) {
            if (e.status().value() != 400) {
                throw e;
            }
            response.setStatus(400);
            return render(actor, model, label(e.messageKey(), e.args()));
        }
    }

    @GetMapping("/desks/imports/{id}")
    String one(@PathVariable long id, @RequestParam(defaultValue = "0") int page, Model model) {
        Actor actor = DeskAccess.dispatcher();
        if (page < 0) {
            throw LocalizedException.badRequest("error.typeMismatch", "page", page);
        }
        ImportSummary summary = imports.find(id, actor)
                .orElseThrow(() -> LocalizedException.notFound("intake.error.importNotFound", id));
        List<Problem> problems = imports.problems(id, page * PROBLEMS_PER_PAGE, PROBLEMS_PER_PAGE).stream().map(this::problem).toList();
        model.addAttribute("i", row(summary));
        model.addAttribute("problems", problems);
        model.addAttribute("page", page);
        model.addAttribute("more", problems.size() == PROBLEMS_PER_PAGE);
        return "desks/import";
    }

    private String render(Actor actor, Model model, String error) {
        model.addAttribute("rows", imports.recent(20, actor).stream().map(ImportDesk::row).toList());
        model.addAttribute("formError", error);
        model.addAttribute("charsets", List.of("UTF-8", "GB18030"));
        return "desks/imports";
    }

    private Problem problem(FieldProblem p) {
        return new Problem(p.line(), p.externalNo() == null ? "" : p.externalNo(), p.field() == null ? "" : p.field(),
                label(p.key(), p.args().toArray()));
    }

    private static Row row(ImportSummary s) {
        return new Row(s.id(), s.kind().name(), s.fileName() == null ? "—" : s.fileName(), s.status(), s.rows(), s.created(),
                s.pending(), s.duplicates(), s.rejected(), s.failure() == null ? "" : s.failure(), DeskTime.format(s.startedAt()),
                DeskTime.format(s.finishedAt()));
    }

    private String label(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
