package org.yiwang.services.web;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yiwang.platform.Actor;
import org.yiwang.platform.Actors;
import org.yiwang.platform.LocalizedException;
import org.yiwang.services.Action;
import org.yiwang.services.ApplicationStatus;
import org.yiwang.services.Applications;
import org.yiwang.services.Delivery;
import org.yiwang.services.Reviews;
import org.yiwang.services.ServiceCatalog;
import org.yiwang.services.ServiceFigures;
import org.yiwang.services.Tickets;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The window desk (窗口) of a community's 便民服务站 or the street's 便民服务中心: the hall's queue (call next, served,
 * 过号, 转号), the applications of the territory by state with the actions of each, walk-in applications, the 整改
 * reviews and the figures.
 */
@Controller
class DeskPages {

    static final List<String> TABS = List.of("SUBMITTED", "SUPPLEMENT", "ACCEPTED", "FORWARDED", "APPROVED", "DONE", "ENDED");

    private final Applications applications;
    private final Tickets tickets;
    private final Reviews reviews;
    private final ServiceFigures figures;
    private final ServiceCatalog catalog;
    private final MessageSource messages;

    DeskPages(Applications applications, Tickets tickets, Reviews reviews, ServiceFigures figures, ServiceCatalog catalog,
              MessageSource messages) {
        this.applications = applications;
        this.tickets = tickets;
        this.reviews = reviews;
        this.figures = figures;
        this.catalog = catalog;
        this.messages = messages;
    }

    @GetMapping("/services/desk")
    String desk(@RequestParam(defaultValue = "SUBMITTED") String tab, Model model) {
        Actor actor = Actors.require();
        boolean clerk = applications.isClerk(actor);
        if (!clerk && !actor.hasAny(org.yiwang.platform.Role.LEADER, org.yiwang.platform.Role.ADMIN)) {
            throw LocalizedException.forbidden("services.error.notClerk");
        }
        String chosen = TABS.contains(tab) ? tab : "SUBMITTED";
        Set<ApplicationStatus> states = chosen.equals("ENDED") ? EnumSet.of(ApplicationStatus.DELIVERED, ApplicationStatus.REJECTED,
                ApplicationStatus.DENIED) : EnumSet.of(ApplicationStatus.valueOf(chosen));
        model.addAttribute("tab", chosen);
        model.addAttribute("tabs", TABS);
        model.addAttribute("clerk", clerk);
        model.addAttribute("board", clerk ? tickets.board(actor) : null);
        model.addAttribute("queues", Tickets.QUEUES);
        model.addAttribute("applications", applications.desk(states, 100, actor));
        model.addAttribute("reviews", reviews.list(true, actor));
        model.addAttribute("figures", figures.figures(null, null, actor));
        model.addAttribute("items", catalog.search(null, null, false));
        model.addAttribute("requestId", UUID.randomUUID().toString());
        return "services/desk";
    }

    /** 部门审批: the department's list of applications the windows forwarded to it, and those it decided. */
    @GetMapping("/services/review")
    String review(@RequestParam(defaultValue = "false") boolean decided, Model model) {
        Actor actor = Actors.require();
        model.addAttribute("decided", decided);
        List<String> departments = applications.reviewedDepartments(actor);
        model.addAttribute("departments", departments);
        List<Applications.ApplicationRow> rows = departments.isEmpty() ? List.of() : applications.reviewQueue(decided, actor);
        java.util.Map<String, String> communities = new java.util.HashMap<>();
        rows.forEach(r -> communities.computeIfAbsent(r.communityCode(), applications::communityName));
        model.addAttribute("applications", rows);
        model.addAttribute("communities", communities);
        return "services/review";
    }

    @GetMapping("/services/desk/applications/{id}")
    String application(@PathVariable long id, Model model) {
        model.addAttribute("a", applications.detail(id, Actors.require()));
        return "services/desk-application";
    }

    @PostMapping("/services/desk/applications/{id}/{action}")
    String act(@PathVariable long id, @PathVariable String action, @RequestParam(required = false) @Nullable String note,
               @RequestParam(required = false) @Nullable String missing, @RequestParam(required = false) @Nullable String resultNumber,
               @RequestParam(required = false) @Nullable Integer version, RedirectAttributes redirect) {
        Action verb = Action.parse(action);
        applications.act(id, verb, new Applications.Act(note, missing, resultNumber, null, List.of(), version), Actors.require());
        redirect.addFlashAttribute("flashSuccess", messages.getMessage("services.action.done." + verb.name(), null,
                LocaleContextHolder.getLocale()));
        if (verb.who() == Action.Who.APPROVER && !applications.isClerk(Actors.require())) {
            return "redirect:/services/review";
        }
        return "redirect:/services/desk/applications/" + id;
    }

    @PostMapping("/services/desk/walk-in")
    String walkIn(@RequestParam(required = false) @Nullable String itemCode, @RequestParam(required = false) @Nullable String name,
                  @RequestParam(required = false) @Nullable String phone, @RequestParam(required = false) @Nullable String requestId,
                  @RequestParam(required = false) @Nullable Long ticketId, RedirectAttributes redirect) {
        Actor actor = Actors.require();
        Applications.ApplicationDetail detail = applications.apply(new Applications.Apply(itemCode, null, null, Delivery.PICKUP, null, null, requestId,
                List.of(), null, new Applications.WalkIn(name == null ? "" : name, phone == null ? "" : phone)), actor);
        if (ticketId != null) {
            tickets.finish(ticketId, true, detail.summary().id(), actor);
        }
        redirect.addFlashAttribute("flashSuccess", messages.getMessage("services.applied", new Object[]{detail.summary().number()},
                LocaleContextHolder.getLocale()));
        return "redirect:/services/desk/applications/" + detail.summary().id();
    }

    @PostMapping("/services/desk/queue/call")
    String call(@RequestParam(required = false) @Nullable String queue, @RequestParam(required = false) @Nullable String counter,
                RedirectAttributes redirect) {
        Tickets.QueueTicket t = tickets.callNext(queue, counter, Actors.require());
        redirect.addFlashAttribute("flashSuccess", messages.getMessage("services.queue.called", new Object[]{t.label(), t.counter()},
                LocaleContextHolder.getLocale()));
        return "redirect:/services/desk";
    }

    @PostMapping("/services/desk/queue/{id}/finish")
    String finish(@PathVariable long id, @RequestParam(defaultValue = "true") boolean served,
                  @RequestParam(required = false) @Nullable String applicationNumber, RedirectAttributes redirect) {
        Actor actor = Actors.require();
        Long application = null;
        if (applicationNumber != null && !applicationNumber.isBlank()) {
            application = applications.desk(EnumSet.allOf(ApplicationStatus.class), 500, actor).stream()
                    .filter(s -> s.number().equals(applicationNumber.strip())).map(Applications.ApplicationRow::id).findFirst()
                    .orElseThrow(() -> LocalizedException.badRequest("services.error.field", "applicationNumber"));
        }
        Tickets.QueueTicket t = tickets.finish(id, served, application, actor);
        redirect.addFlashAttribute("flashSuccess", messages.getMessage("services.queue.finished." + t.status().name(),
                new Object[]{t.label()}, LocaleContextHolder.getLocale()));
        return "redirect:/services/desk";
    }

    @PostMapping("/services/desk/queue/{id}/transfer")
    String transfer(@PathVariable long id, @RequestParam(required = false) @Nullable String queue, RedirectAttributes redirect) {
        Tickets.QueueTicket t = tickets.transfer(id, queue == null ? "" : queue, Actors.require());
        redirect.addFlashAttribute("flashSuccess", messages.getMessage("services.queue.transferred", new Object[]{t.label(), t.queue()},
                LocaleContextHolder.getLocale()));
        return "redirect:/services/desk";
    }

    @PostMapping("/services/desk/reviews/{id}/close")
    String close(@PathVariable long id, @RequestParam(required = false) @Nullable String outcome, RedirectAttributes redirect) {
        reviews.close(id, outcome, Actors.require());
        redirect.addFlashAttribute("flashSuccess", messages.getMessage("services.review.closed", null, LocaleContextHolder.getLocale()));
        return "redirect:/services/desk";
    }
}
