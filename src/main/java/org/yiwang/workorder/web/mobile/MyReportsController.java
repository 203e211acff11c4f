package org.yiwang.workorder.web.mobile;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yiwang.platform.Actor;
import org.yiwang.platform.Actors;
import org.yiwang.platform.LocalizedException;
import org.yiwang.workorder.ActOnOrder;
import org.yiwang.workorder.Action;
import org.yiwang.workorder.OrderFilter;
import org.yiwang.workorder.Satisfaction;
import org.yiwang.workorder.WorkOrderActions;
import org.yiwang.workorder.WorkOrderQueries;

import java.util.List;

/**
 * 我的上报 — the reports a person made: each with its progress in plain words, the time it is due,
 * the photos before and after, and the satisfaction rating (满意/基本满意/不满意) once it is closed.
 */
@Controller
@RequestMapping("/m/reports")
class MyReportsController {

    static final int PAGE_SIZE = 20;

    private final WorkOrderQueries queries;
    private final WorkOrderActions actions;
    private final OrderViews views;
    private final MessageSource messages;

    MyReportsController(WorkOrderQueries queries, WorkOrderActions actions, OrderViews views, MessageSource messages) {
        this.queries = queries;
        this.actions = actions;
        this.views = views;
        this.messages = messages;
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "0") int page, Model model) {
        Actor actor = Actors.require();
        WorkOrderQueries.Page result = queries.list(new OrderFilter(null, null, null, null, null, null, null, null, true, null),
                Math.max(page, 0), PAGE_SIZE, actor);
        model.addAttribute("orders", result.content().stream().map(views::summary).toList());
        model.addAttribute("page", result.page());
        model.addAttribute("total", result.totalElements());
        model.addAttribute("hasNext", (long) (result.page() + 1) * result.size() < result.totalElements());
        return "workorder/mobile/reports";
    }

    @GetMapping("/{id}")
    String detail(@PathVariable long id, Model model) {
        Actor actor = Actors.require();
        model.addAttribute("order", views.detail(queries.detail(id, actor)));
        model.addAttribute("ratings", List.of(Satisfaction.values()));
        return "workorder/mobile/report-detail";
    }

    @PostMapping("/{id}/rating")
    String rate(@PathVariable long id, @RequestParam(required = false) Satisfaction satisfaction,
                @RequestParam(required = false) String comment, @RequestParam(required = false) Integer version,
                Model model, RedirectAttributes redirect, HttpServletResponse response) {
        Actor actor = Actors.require();
        try {
            if (satisfaction == null) {
                throw LocalizedException.badRequest("workorder.error.satisfactionRequired");
            }
            if (comment != null && comment.length() > 500) {
                throw LocalizedException.badRequest("mobile.error.commentTooLong", 500);
            }
            actions.perform(id, Action.EVALUATE, new ActOnOrder(comment, List.of(), null, null, null, List.of(), null,
                    satisfaction, null, version), actor);
            redirect.addFlashAttribute("flashSuccess", text("mobile.rating.thanks"));
            return "redirect:/m/reports/" + id;
        } catch (LocalizedException e) {
            if (e.status().value() == 404) {
                throw e;
            }
            response.setStatus(e.status().value());
            model.addAttribute("error", messages.getMessage(e.messageKey(), e.args(), e.messageKey(), LocaleContextHolder.getLocale()));
            model.addAttribute("comment", comment);
            return detail(id, model);
        }
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}
