package org.yiwang.assessment.web;

import org.jspecify.annotations.Nullable;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yiwang.assessment.AssessmentTable;
import org.yiwang.assessment.Assessments;
import org.yiwang.assessment.Indicator;
import org.yiwang.assessment.Level;
import org.yiwang.assessment.MonthlyReports;
import org.yiwang.assessment.Schemes;
import org.yiwang.platform.Actor;
import org.yiwang.platform.Actors;
import org.yiwang.platform.LocalizedException;
import org.yiwang.platform.Role;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * 考核评价 screens: the indicator table of a level and month with scores, grades and 进退位次, every figure a
 * link to the orders behind it; the scoring scheme (administrators change it, every version kept); the
 * monthly reports to make and download.
 */
@Controller
class AssessmentController {

    private final Assessments assessments;
    private final Schemes schemes;
    private final MonthlyReports reports;
    private final MessageSource messages;

    AssessmentController(Assessments assessments, Schemes schemes, MonthlyReports reports, MessageSource messages) {
        this.assessments = assessments;
        this.schemes = schemes;
        this.reports = reports;
        this.messages = messages;
    }

    static Level level(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return Level.STREET;
        }
        try {
            return Level.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw LocalizedException.badRequest("assessment.error.level", text);
        }
    }

    static Indicator indicator(String text) {
        try {
            return Indicator.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw LocalizedException.badRequest("assessment.error.indicator", text);
        }
    }

    static boolean part(@Nullable String text) {
        if (text == null || text.isBlank() || text.equals("numerator")) {
            return true;
        }
        if (text.equals("denominator")) {
            return false;
        }
        throw LocalizedException.badRequest("assessment.error.part", text);
    }

    @GetMapping("/assessment")
    String table(@RequestParam(required = false) String level, @RequestParam(required = false) String month, Model model) {
        Actor actor = Actors.requireAny(Role.LEADER, Role.DISPATCHER, Role.ADMIN);
        Level l = level(level);
        YearMonth m = assessments.month(month);
        AssessmentTable table = assessments.table(l, m, actor);
        model.addAttribute("t", table);
        model.addAttribute("levels", Level.values());
        model.addAttribute("indicators", Indicator.values());
        model.addAttribute("scheme", schemes.current());
        model.addAttribute("month", m.toString());
        model.addAttribute("previous", m.minusMonths(1).toString());
        model.addAttribute("next", m.equals(assessments.month(null)) ? null : m.plusMonths(1).toString());
        model.addAttribute("isAdmin", actor.has(Role.ADMIN));
        return "assessment/index";
    }

    @GetMapping("/assessment/orders")
    String orders(@RequestParam String level, @RequestParam String code, @RequestParam(required = false) String month,
                  @RequestParam String indicator, @RequestParam(required = false) String part, Model model) {
        Actor actor = Actors.requireAny(Role.LEADER, Role.DISPATCHER, Role.ADMIN);
        Level l = level(level);
        Indicator i = indicator(indicator);
        boolean numerator = part(part);
        YearMonth m = assessments.month(month);
        model.addAttribute("orders", assessments.orders(l, code, m, i, numerator, actor));
        model.addAttribute("level", l);
        model.addAttribute("code", code);
        model.addAttribute("indicator", i);
        model.addAttribute("numerator", numerator);
        model.addAttribute("month", m.toString());
        model.addAttribute("max", Assessments.MAX_DRILL_DOWN);
        return "assessment/orders";
    }

    @GetMapping("/assessment/scheme")
    String scheme(Model model) {
        Actor actor = Actors.requireAny(Role.LEADER, Role.DISPATCHER, Role.ADMIN);
        model.addAttribute("scheme", schemes.current());
        model.addAttribute("total", schemes.current().weights().values().stream().mapToInt(Integer::intValue).sum());
        model.addAttribute("history", schemes.history());
        model.addAttribute("indicators", Indicator.values());
        model.addAttribute("isAdmin", actor.has(Role.ADMIN));
        return "assessment/scheme";
    }

    @PostMapping("/assessment/scheme")
    String changeScheme(@RequestParam Map<String, String> form, RedirectAttributes redirect) {
        Actor actor = Actors.requireAny(Role.ADMIN);
        Map<String, Integer> weights = new LinkedHashMap<>();
        for (Indicator i : Indicator.values()) {
            String value = form.get("w_" + i.name());
            try {
                weights.put(i.name(), value == null || value.isBlank() ? 0 : Integer.parseInt(value.strip()));
            } catch (NumberFormatException e) {
                redirect.addFlashAttribute("flashError", messages.getMessage("assessment.error.weight",
                        new Object[]{i.name(), org.yiwang.assessment.Scheme.MAX_WEIGHT}, LocaleContextHolder.getLocale()));
                return "redirect:/assessment/scheme";
            }
        }
        try {
            var saved = schemes.change(weights, form.getOrDefault("note", ""), actor);
            redirect.addFlashAttribute("saved", saved.version());
        } catch (LocalizedException e) {
            if (e.status().value() == 403) {
                throw e;
            }
            redirect.addFlashAttribute("flashError", messages.getMessage(e.messageKey(), e.args(), e.messageKey(),
                    LocaleContextHolder.getLocale()));
        }
        return "redirect:/assessment/scheme";
    }

    @GetMapping("/assessment/reports")
    String reports(Model model) {
        Actor actor = Actors.requireAny(Role.LEADER, Role.DISPATCHER, Role.ADMIN);
        model.addAttribute("reports", reports.list(actor));
        model.addAttribute("scopes", reports.scopesOf(actor));
        model.addAttribute("month", assessments.month(null).minusMonths(1).toString());
        return "assessment/reports";
    }

    @PostMapping("/assessment/reports")
    String generate(@RequestParam String month, @RequestParam String scope, RedirectAttributes redirect) {
        Actor actor = Actors.requireAny(Role.LEADER, Role.DISPATCHER, Role.ADMIN);
        List<MonthlyReports.Stored> made = reports.generate(assessments.month(month), scope, actor);
        redirect.addFlashAttribute("made", made.size());
        return "redirect:/assessment/reports";
    }

    @GetMapping("/assessment/reports/{id}")
    ResponseEntity<byte[]> download(@PathVariable long id) {
        Actor actor = Actors.requireAny(Role.LEADER, Role.DISPATCHER, Role.ADMIN);
        return file(reports.download(id, actor).orElseThrow(() -> LocalizedException.notFound("assessment.error.report", id)));
    }

    static ResponseEntity<byte[]> file(MonthlyReports.Download d) {
        MediaType type = d.format().equals("pdf") ? MediaType.APPLICATION_PDF
                : MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(d.fileName(), StandardCharsets.UTF_8).build().toString())
                .body(d.content());
    }
}
