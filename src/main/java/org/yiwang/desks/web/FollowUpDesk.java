package org.yiwang.desks.web;

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
import org.yiwang.desks.FollowUp;
import org.yiwang.desks.FollowUps;
import org.yiwang.desks.RecordCall;
import org.yiwang.platform.Actor;
import org.yiwang.platform.LocalizedException;
import org.yiwang.platform.PersonalData;
import org.yiwang.workorder.WorkOrder;
import org.yiwang.workorder.WorkOrderQueries;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * 回访 — the command centre's follow-up calls after a dissatisfied rating: the list of its territory's tasks and
 * the form to record each call (reached or not, what the resident said, reopen the order if the problem persists).
 * The resident's name and number are shown masked; the order page reveals them with a recorded reason.
 */
@Controller
class FollowUpDesk {

    private final FollowUps followUps;
    private final WorkOrderQueries orders;
    private final MessageSource messages;
    private final Clock clock;

    FollowUpDesk(FollowUps followUps, WorkOrderQueries orders, MessageSource messages, Clock clock) {
        this.followUps = followUps;
        this.orders = orders;
        this.messages = messages;
        this.clock = clock;
    }

    /** One task as the desk shows it, with the order's facts (personal data masked). */
    record Row(long id, long orderId, String orderNumber, String description, String reporterName, String reporterPhone,
               String ratedAt, String status, Boolean reached, String result, Boolean reopened, String doneBy, String doneAt,
               String dueAt, boolean overdue) {
    }

    /** The call form. */
    record CallInput(String reached, String result, Boolean reopen) {
        static final CallInput EMPTY = new CallInput(null, null, false);

        public boolean reopens() {
            return Boolean.TRUE.equals(reopen);
        }
    }

    @GetMapping("/desks/follow-ups")
    String list(@RequestParam(defaultValue = "open") String tab, Model model) {
        Actor actor = DeskAccess.staff();
        FollowUp.Status status = switch (tab) {
            case "open" -> FollowUp.Status.OPEN;
            case "done" -> FollowUp.Status.DONE;
            default -> throw LocalizedException.badRequest("error.typeMismatch", "tab", tab);
        };
        model.addAttribute("rows", rows(followUps.list(status, actor), actor));
        model.addAttribute("tab", tab);
        return "desks/follow-ups";
    }

    @GetMapping("/desks/follow-ups/{id}")
    String one(@PathVariable long id, Model model) {
        Actor actor = DeskAccess.staff();
        return render(followUps.get(id, actor), actor, model, CallInput.EMPTY, null);
    }

    @PostMapping("/desks/follow-ups/{id}")
    String record(@PathVariable long id, @ModelAttribute CallInput input, Model model, RedirectAttributes redirect,
                  HttpServletResponse response) {
        Actor actor = DeskAccess.staff();
        FollowUp task = followUps.get(id, actor);
        try {
            if (input.reached() == null || !List.of("true", "false").contains(input.reached())) {
                throw LocalizedException.badRequest("desks.followUp.error.reachedRequired");
            }
            FollowUp done = followUps.record(id, new RecordCall(Boolean.parseBoolean(input.reached()), input.result(), input.reopens()), actor);
            redirect.addFlashAttribute("flashSuccess", label(Boolean.TRUE.equals(done.reopened())
                    ? "desks.followUp.done.reopened" : "desks.followUp.done", done.orderNumber()));
            return "redirect:/desks/follow-ups";
        } catch (LocalizedException e) {
            if (e.status().value() == 400) {
                response.setStatus(400);
                return render(task, actor, model, input, label(e.messageKey(), e.args()));
            }
            if (e.status().value() == 409) {
                redirect.addFlashAttribute("flashError", label(e.messageKey(), e.args()));
                return "redirect:/desks/follow-ups/" + id;
            }
            throw e;
        }
    }

    private String render(FollowUp task, Actor actor, Model model, CallInput input, String error) {
        model.addAttribute("f", rows(List.of(task), actor).getFirst());
        model.addAttribute("input", input);
        model.addAttribute("formError", error);
        return "desks/follow-up";
    }

    private List<Row> rows(List<FollowUp> tasks, Actor actor) {
        Map<Long, WorkOrder> byId = orders.getAll(tasks.stream().map(FollowUp::orderId).toList(), actor);
        return tasks.stream().map(f -> {
            WorkOrder o = byId.get(f.orderId());
            return new Row(f.id(), f.orderId(), f.orderNumber(),
                    o == null ? "" : Objects.toString(PersonalData.maskText(o.description()), ""),
                    o == null || o.reporterName() == null ? "—" : PersonalData.maskName(o.reporterName()),
                    o == null || o.reporterPhone() == null ? "—" : PersonalData.maskPhone(o.reporterPhone()),
                    DeskTime.format(f.ratedAt()), f.status().name(), f.reached(), Objects.toString(f.result(), ""), f.reopened(),
                    Objects.toString(f.doneByName(), ""), DeskTime.format(f.doneAt()), DeskTime.format(f.dueAt()),
                    f.overdue(clock.instant()));
        }).toList();
    }

    private String label(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
