package org.yiwang.desks.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yiwang.platform.Actor;
import org.yiwang.platform.LocalizedException;
import org.yiwang.platform.PersonalData;
import org.yiwang.whistle.CancelWhistle;
import org.yiwang.whistle.Outcome;
import org.yiwang.whistle.RecordOutcome;
import org.yiwang.whistle.ReportIn;
import org.yiwang.whistle.Summons;
import org.yiwang.whistle.Whistle;
import org.yiwang.whistle.WhistleActions;
import org.yiwang.whistle.WhistleQueries;
import org.yiwang.whistle.WhistleStats;
import org.yiwang.whistle.WhistleStatus;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * 吹哨报到 at the desk: the whistles that summoned a department (its inbox, also shown in its 待办), and the
 * page of one whistle — where notification links {@code /whistles/{id}} land — with who reported in and the
 * forms for the steps the reader may take (报到, the outcome, 撤哨), all through the whistle module's actions.
 */
@Controller
class WhistleDesk {

    private final WhistleQueries queries;
    private final WhistleActions actions;
    private final MessageSource messages;
    private final Clock clock;

    WhistleDesk(WhistleQueries queries, WhistleActions actions, MessageSource messages, Clock clock) {
        this.queries = queries;
        this.actions = actions;
        this.messages = messages;
        this.clock = clock;
    }

    /** One line of the whistle list. */
    record Row(long id, String number, long orderId, String orderNumber, String kind, String status, String blownAt,
               String dueAt, boolean overdue, String reason, String myState, int answered, int summoned) {
    }

    /** One summoned department and its answer. */
    record Answer(String department, String state, String respondedAt, String respondedBy, String note, boolean late,
                  String dueAt, boolean overdue) {
    }

    /** The whistle as its page shows it (reason and notes masked). */
    record Page(long id, String number, long orderId, String orderNumber, String kind, String status, String reason,
                String commandUnit, String blownBy, String blownAt, String dueAt, String outcome, String outcomeNote,
                String cancelReason, String finishedBy, String finishedAt, List<Answer> answers) {
    }

    /** A department the reader may answer for. */
    record Department(long id, String name) {
    }

    /** The forms of the page: 报到 and the street's outcome / 撤哨. */
    record WhistleInput(Long departmentId, String response, String note, String outcome, String reason) {
        static final WhistleInput EMPTY = new WhistleInput(null, null, null, null, null);
    }

    @GetMapping("/desks/whistles")
    String list(@RequestParam(defaultValue = "open") String tab,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Model model) {
        Actor actor = DeskAccess.staff();
        if (tab.equals("stats")) {
            // 考核: both sides graded for a period (this month unless chosen); a period out of order is a 400 page
            WhistleStats stats = queries.stats(from, to, actor);
            model.addAttribute("stats", stats);
            model.addAttribute("tab", tab);
            return "desks/whistles";
        }
        WhistleStatus status = switch (tab) {
            case "open" -> WhistleStatus.OPEN;
            case "all" -> null;
            default -> throw LocalizedException.badRequest("error.typeMismatch", "tab", tab);
        };
        List<Whistle> whistles = queries.list(new WhistleQueries.Filter(status, null, null, null, null, null), 0, 100, actor).content();
        model.addAttribute("rows", rows(whistles, actor));
        model.addAttribute("tab", tab);
        return "desks/whistles";
    }

    /** The open whistles that summoned the reader's department, for the 待办 page (an htmx fragment). */
    @GetMapping("/desks/whistles/summoned")
    String summoned(Model model) {
        Actor actor = DeskAccess.staff();
        List<Whistle> open = queries.list(new WhistleQueries.Filter(WhistleStatus.OPEN, null, null, null, null, null), 0, 50, actor)
                .content().stream().filter(w -> !answerable(w, actor).isEmpty()).toList();
        model.addAttribute("rows", rows(open, actor));
        return "desks/parts :: summoned";
    }

    @GetMapping("/whistles/{id}")
    String whistle(@PathVariable long id, Model model) {
        Actor actor = DeskAccess.staff();
        return render(queries.get(id, actor), actor, model, WhistleInput.EMPTY, null, null);
    }

    @PostMapping("/whistles/{id}/report-in")
    String reportIn(@PathVariable long id, @ModelAttribute WhistleInput input, Model model, RedirectAttributes redirect,
                    HttpServletResponse response) {
        Actor actor = DeskAccess.staff();
        return step(id, actor, "reportIn", input, model, redirect, response, () -> actions.reportIn(id,
                ReportIn.of(input.departmentId(), DeskAccess.blankToNull(input.response()), DeskAccess.blankToNull(input.note()),
                        List.of()), actor));
    }

    @PostMapping("/whistles/{id}/outcome")
    String outcome(@PathVariable long id, @ModelAttribute WhistleInput input, Model model, RedirectAttributes redirect,
                   HttpServletResponse response) {
        Actor actor = DeskAccess.staff();
        return step(id, actor, "outcome", input, model, redirect, response, () -> actions.recordOutcome(id,
                RecordOutcome.of(DeskAccess.blankToNull(input.outcome()), DeskAccess.blankToNull(input.note())), actor));
    }

    @PostMapping("/whistles/{id}/cancel")
    String cancel(@PathVariable long id, @ModelAttribute WhistleInput input, Model model, RedirectAttributes redirect,
                  HttpServletResponse response) {
        Actor actor = DeskAccess.staff();
        return step(id, actor, "cancel", input, model, redirect, response,
                () -> actions.cancel(id, new CancelWhistle(DeskAccess.blankToNull(input.reason())), actor));
    }

    /**
     * Runs a step; bad input (400) shows the page again with the reason at the form and what was typed, a
     * conflict (409: the whistle ended, the department answered already) goes back to the page with the reason,
     * and a refusal or a whistle out of reach is the error page.
     */
    private String step(long id, Actor actor, String form, WhistleInput input, Model model, RedirectAttributes redirect,
                        HttpServletResponse response, java.util.function.Supplier<Whistle> step) {
        Whistle before = queries.get(id, actor);
        try {
            Whistle done = step.get();
            redirect.addFlashAttribute("flashSuccess", label("desks.whistle.done." + form, done.number()));
            return "redirect:/whistles/" + id;
        } catch (LocalizedException e) {
            if (e.status().value() == 400) {
                response.setStatus(400);
                return render(before, actor, model, input, form, label(e.messageKey(), e.args()));
            }
            if (e.status().value() == 409) {
                redirect.addFlashAttribute("flashError", label(e.messageKey(), e.args()));
                return "redirect:/whistles/" + id;
            }
            throw e;
        } catch (IllegalArgumentException e) {
            response.setStatus(400);
            return render(before, actor, model, input, form, label("desks.whistle.badInput"));
        } catch (org.springframework.dao.OptimisticLockingFailureException e) {
            redirect.addFlashAttribute("flashError", label("error.concurrentChange"));
            return "redirect:/whistles/" + id;
        }
    }

    private String render(Whistle w, Actor actor, Model model, WhistleInput input, String failedForm, String error) {
        List<String> allowed = queries.allowedActions(w, actor);
        List<Answer> answers = w.summons().stream().map(s -> new Answer(s.departmentName(), s.state().name(),
                DeskTime.format(s.respondedAt()), Objects.toString(s.respondedByName(), ""),
                Objects.toString(PersonalData.maskText(s.note()), ""), s.late(), DeskTime.format(s.dueAt()),
                s.isOverdue(clock.instant()))).toList();
        model.addAttribute("w", new Page(w.id(), w.number(), w.orderId(), w.orderNumber(), w.kind().name(), w.status().name(),
                Objects.toString(PersonalData.maskText(w.reason()), ""), Objects.toString(w.commandUnitName(), ""), w.blownByName(),
                DeskTime.format(w.blownAt()), DeskTime.format(w.dueAt()), w.outcome() == null ? null : w.outcome().name(),
                Objects.toString(PersonalData.maskText(w.outcomeNote()), ""), Objects.toString(PersonalData.maskText(w.cancelReason()), ""),
                Objects.toString(w.finishedByName(), ""), DeskTime.format(w.finishedAt()), answers));
        model.addAttribute("mayReportIn", allowed.contains("REPORT_IN"));
        model.addAttribute("mayRecordOutcome", allowed.contains("RECORD_OUTCOME"));
        model.addAttribute("mayCancel", allowed.contains("CANCEL"));
        model.addAttribute("departments", answerable(w, actor));
        model.addAttribute("responses", List.of(Summons.State.ARRIVED, Summons.State.NOT_OUR_DUTY));
        model.addAttribute("outcomes", Outcome.values());
        model.addAttribute("input", input);
        model.addAttribute("failedForm", failedForm);
        model.addAttribute("formError", error);
        return "desks/whistle";
    }

    /** The pending summonses of the whistle that the reader acts for (their department and those below it). */
    static List<Department> answerable(Whistle w, Actor actor) {
        if (actor.scope().citywide() || actor.scope().departmentIds().isEmpty()) {
            return List.of();
        }
        Set<Long> mine = new HashSet<>(actor.scope().departmentIds());
        return w.summons().stream().filter(s -> s.state() == Summons.State.PENDING && mine.contains(s.departmentId()))
                .map(s -> new Department(s.departmentId(), s.departmentName())).toList();
    }

    private List<Row> rows(List<Whistle> whistles, Actor actor) {
        java.time.Instant now = clock.instant();
        Set<Long> mine = new HashSet<>(actor.scope().departmentIds());
        return whistles.stream().map(w -> {
            String myState = w.summons().stream().filter(s -> mine.contains(s.departmentId())).map(s -> s.state().name())
                    .findFirst().orElse(null);
            int answered = (int) w.summons().stream().filter(s -> s.state().isAnswer()).count();
            return new Row(w.id(), w.number(), w.orderId(), w.orderNumber(), w.kind().name(), w.status().name(),
                    DeskTime.format(w.blownAt()), DeskTime.format(w.dueAt()), w.status() == WhistleStatus.OPEN && w.isOverdue(now),
                    Objects.toString(PersonalData.maskText(w.reason()), ""), myState, answered, w.summons().size());
        }).toList();
    }

    private String label(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
