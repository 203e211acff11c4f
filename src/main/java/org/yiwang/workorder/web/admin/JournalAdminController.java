package org.yiwang.workorder.web.admin;

import org.yiwang.platform.ChinaTime;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yiwang.platform.Actors;
import org.yiwang.platform.LocalizedException;
import org.yiwang.platform.NavigationEntry;
import org.yiwang.platform.Role;
import org.yiwang.platform.StaffErrorPage;
import org.yiwang.workorder.JournalStatus;
import org.yiwang.workorder.JournalTail;

import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * 工单日志 — for administrators: how far each module that follows the work-order journal is behind, the
 * changes a module could not apply (with the error), and a button to try them again once the cause is fixed.
 */
@Controller
class JournalAdminController {

    static final int PARKED_SHOWN = 200;

    private final JournalTail tail;
    private final MessageSource messages;

    JournalAdminController(JournalTail tail, MessageSource messages) {
        this.tail = tail;
        this.messages = messages;
    }

    @Bean
    static NavigationEntry journalAdminNavigation() {
        return new NavigationEntry("/admin/journal", "workorder.admin.journal.nav", "≋", List.of(Role.ADMIN), 89, "admin");
    }

    @GetMapping("/admin/journal")
    String journal(Model model) {
        Actors.requireAny(Role.ADMIN);
        model.addAttribute("status", tail.status());
        model.addAttribute("parked", tail.parked(PARKED_SHOWN).stream().map(Row::of).toList());
        return "workorder/admin/journal";
    }

    @PostMapping("/admin/journal/parked/retry")
    String retry(RedirectAttributes redirect) {
        Actors.requireAny(Role.ADMIN);
        int applied = tail.retryParkedNow();
        redirect.addFlashAttribute("flashSuccess", messages.getMessage("workorder.admin.journal.retried", new Object[]{applied},
                LocaleContextHolder.getLocale()));
        return "redirect:/admin/journal";
    }

    /** A parked change as the page shows it, the time in Beijing time. */
    record Row(String follower, long orderId, String number, List<String> actions, String error, int attempts, String parkedAt) {

        static final DateTimeFormatter TIME = ChinaTime.SECONDS;

        static Row of(JournalStatus.Parked p) {
            return new Row(p.follower(), p.orderId(), p.number(), p.actions(), p.error(), p.attempts(), TIME.format(p.parkedAt()));
        }
    }

    /** The journal page's error page, with the way back. */
    @ControllerAdvice(assignableTypes = JournalAdminController.class)
    static class Errors {

        private final StaffErrorPage errors;

        Errors(StaffErrorPage errors) {
            this.errors = errors;
        }

        @ExceptionHandler(LocalizedException.class)
        String failed(LocalizedException e, Model model, HttpServletResponse response) {
            return errors.show(e, "/", "workorder.admin.journal.back", model, response);
        }
    }
}
