package org.yiwang.catalog.web.admin;

import org.yiwang.platform.ChinaTime;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yiwang.catalog.LimitUnit;
import org.yiwang.catalog.SetTimeLimit;
import org.yiwang.catalog.Stage;
import org.yiwang.catalog.TimeLimit;
import org.yiwang.catalog.TimeLimitRule;
import org.yiwang.catalog.TimeLimits;
import org.yiwang.catalog.Urgency;
import org.yiwang.platform.Actor;
import org.yiwang.platform.Actors;
import org.yiwang.platform.LocalizedException;
import org.yiwang.platform.Role;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * 时限标准 — the time-limit table (per scope, urgency and stage; the {@code *} rows are the defaults):
 * list with a filter, set a row (add or change its limit), remove a specific row.
 */
@Controller
class TimeLimitAdminController {

    private static final DateTimeFormatter TIME = ChinaTime.MINUTES;

    private final TimeLimits timeLimits;
    private final MessageSource messages;

    TimeLimitAdminController(TimeLimits timeLimits, MessageSource messages) {
        this.timeLimits = timeLimits;
        this.messages = messages;
    }

    /** The form that sets a row. */
    record LimitForm(String scope, String urgency, String stage, Integer amount, String unit, String note) {

        static final LimitForm EMPTY = new LimitForm(null, "NORMAL", "HANDLE", null, "WORKING_DAYS", null);
    }

    /** A row as the table shows it. */
    record Row(long id, String scope, String urgency, String stage, int amount, String unit, String note, String updated,
               boolean removable) {
    }

    @GetMapping("/admin/time-limits")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) Long edit, Model model) {
        Actors.requireAny(Role.ADMIN);
        LimitForm form = LimitForm.EMPTY;
        if (edit != null) {
            TimeLimitRule rule = timeLimits.rules().stream().filter(r -> r.id() == edit).findFirst()
                    .orElseThrow(() -> LocalizedException.notFound("catalog.timeLimit.notFound", edit));
            form = new LimitForm(rule.scope(), rule.urgency().name(), rule.stage().name(), rule.limit().amount(),
                    rule.limit().unit().name(), rule.note());
        }
        return page(q, form, null, model);
    }

    @PostMapping("/admin/time-limits")
    String set(@ModelAttribute LimitForm form, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        Actor admin = Actors.requireAny(Role.ADMIN);
        try {
            String scope = form.scope() == null ? "" : form.scope().strip().toUpperCase(Locale.ROOT);
            if (TimeLimitRule.specificityOf(scope) == null) {
                throw LocalizedException.badRequest("catalog.timeLimit.scopeInvalid", form.scope());
            }
            if (form.amount() == null || form.amount() < 1 || form.amount() > TimeLimit.MAX_AMOUNT) {
                throw LocalizedException.badRequest("catalog.timeLimit.amountInvalid", TimeLimit.MAX_AMOUNT);
            }
            if (form.note() != null && form.note().strip().length() > SetTimeLimit.MAX_NOTE_LENGTH) {
                throw LocalizedException.badRequest("catalog.timeLimit.noteTooLong", SetTimeLimit.MAX_NOTE_LENGTH);
            }
            TimeLimitRule rule = timeLimits.set(new SetTimeLimit(scope, parse(Urgency.class, "urgency", form.urgency()),
                    parse(Stage.class, "stage", form.stage()),
                    new TimeLimit(form.amount(), parse(LimitUnit.class, "unit", form.unit())), form.note()), admin);
            redirect.addFlashAttribute("flashSuccess", label("admin.timeLimits.saved", rule.key()));
            return "redirect:/admin/time-limits?q=" + rule.scope();
        } catch (LocalizedException e) {
            response.setStatus(e.status().value() == 404 ? 400 : e.status().value());
            String message = label(e.messageKey(), e.args());
            model.addAttribute("flashError", message);
            return page(null, form, message, model);
        }
    }

    @PostMapping("/admin/time-limits/{id}/delete")
    String remove(@PathVariable long id, RedirectAttributes redirect) {
        Actors.requireAny(Role.ADMIN);
        timeLimits.remove(id);
        redirect.addFlashAttribute("flashSuccess", label("admin.timeLimits.removed"));
        return "redirect:/admin/time-limits";
    }

    private String page(String q, LimitForm form, String error, Model model) {
        String text = q == null ? "" : q.strip().toUpperCase(Locale.ROOT);
        List<Row> rows = timeLimits.rules().stream()
                .filter(r -> text.isEmpty() || r.scope().startsWith(text) || (text.startsWith(r.scope()) && !r.scope().equals("*")))
                .map(r -> new Row(r.id(), r.scope(), r.urgency().name(), r.stage().name(), r.limit().amount(), r.limit().unit().name(),
                        r.note(), r.updatedAt() == null ? r.updatedBy() : r.updatedBy() + " · " + TIME.format(r.updatedAt()),
                        r.specificity() != TimeLimitRule.Specificity.ALL))
                .toList();
        model.addAttribute("rows", rows);
        model.addAttribute("urgencies", Urgency.values());
        model.addAttribute("stages", Stage.values());
        model.addAttribute("units", LimitUnit.values());
        model.addAttribute("form", form);
        model.addAttribute("formError", error);
        return "catalog/admin/time-limits";
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String field, String text) {
        try {
            return Enum.valueOf(type, text == null ? "" : text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw LocalizedException.badRequest("catalog.param.oneOf", field, java.util.Arrays.toString(type.getEnumConstants()), text);
        }
    }

    private String label(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
