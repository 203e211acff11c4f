package org.yiwang.fieldwork.web;

import org.jspecify.annotations.Nullable;
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
import org.yiwang.fieldwork.FieldTask;
import org.yiwang.fieldwork.FieldTasks;
import org.yiwang.platform.Actor;
import org.yiwang.platform.Actors;
import org.yiwang.platform.MobileShell;
import org.yiwang.platform.ChinaTime;
import org.yiwang.platform.LocalizedException;
import org.yiwang.platform.PersonalData;
import org.yiwang.platform.Role;
import org.yiwang.platform.YiwangProperties;

import java.time.Clock;
import java.time.Instant;

/** 派发任务 on the phone: one visit or check handed to the grid, done with a note of what was found. */
@Controller
class TaskPageController {

    private final FieldTasks tasks;
    private final MessageSource messages;
    private final String tileUrl;
    private final Clock clock;

    TaskPageController(FieldTasks tasks, MessageSource messages, YiwangProperties settings, Clock clock) {
        this.tasks = tasks;
        this.messages = messages;
        this.tileUrl = settings.map().tileUrl();
        this.clock = clock;
    }

    /** A task as the phone shows it: the person's name masked (the address says where to go). */
    record FieldTaskView(long id, String kind, String subject, String address, String about, String due, boolean overdue, boolean done,
                    String doneLine, String note) {
        static FieldTaskView of(FieldTask t, Instant now) {
            return new FieldTaskView(t.id(), t.kind().name(), t.kind() == FieldTask.Kind.VISIT ? PersonalData.maskName(t.subject()) : t.subject(), t.address(), t.about(),
                    ChinaTime.MINUTES.format(t.dueAt()), t.overdue(now), t.done(),
                    t.doneAt() == null ? "" : ChinaTime.MINUTES.format(t.doneAt()) + " · " + t.doneByName(),
                    t.note() == null ? "" : PersonalData.maskText(t.note()));
        }
    }

    @ModelAttribute("mobile")
    MobileShell mobile() {
        return MobileShell.current(tileUrl);
    }

    @ModelAttribute("tab")
    String tab() {
        return "today";
    }

    @GetMapping("/m/tasks/{id}")
    String one(@PathVariable long id, Model model) {
        Actor actor = Actors.requireAny(Role.GRID_WORKER, Role.COMMUNITY_STAFF);
        model.addAttribute("task", FieldTaskView.of(tasks.get(id, actor), clock.instant()));
        return "fieldwork/task";
    }

    /** Done: back to the day with a note; refused (no note, done already) on the same page with the reason. */
    @PostMapping("/m/tasks/{id}/done")
    String done(@PathVariable long id, @RequestParam(required = false) @Nullable String note, RedirectAttributes redirect) {
        Actor actor = Actors.requireAny(Role.GRID_WORKER, Role.COMMUNITY_STAFF);
        try {
            tasks.complete(id, note, actor);
        } catch (LocalizedException e) {
            if (e.status().value() == 404) {
                throw e;
            }
            redirect.addFlashAttribute("flashError", label(e.messageKey(), e.args()));
            redirect.addFlashAttribute("note", note);
            return "redirect:/m/tasks/" + id;
        }
        redirect.addFlashAttribute("flashSuccess", label("fieldwork.task.doneFlash"));
        return "redirect:/m/today";
    }

    private String label(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
