package org.yiwang.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.yiwang.platform.Actor;
import org.yiwang.platform.Actors;
import org.yiwang.platform.NavigationEntry;

import java.util.Comparator;
import java.util.List;

/** Gives every screen the signed-in actor and the navigation they may use. */
@ControllerAdvice(annotations = Controller.class)
class ShellModelAdvice {

    private final List<NavigationEntry> entries;

    ShellModelAdvice(List<NavigationEntry> entries) {
        this.entries = entries.stream().sorted(Comparator.comparingInt(NavigationEntry::order)).toList();
    }

    @ModelAttribute("actor")
    Actor actor() {
        return Actors.current().orElse(null);
    }

    @ModelAttribute("navigation")
    List<NavigationItem> navigation(HttpServletRequest request) {
        return Actors.current().map(actor -> visibleTo(actor, request.getRequestURI())).orElse(List.of());
    }

    List<NavigationItem> visibleTo(Actor actor, String path) {
        return entries.stream()
                .filter(entry -> entry.visibleTo(actor))
                .map(entry -> new NavigationItem(entry.href(), entry.labelKey(), entry.icon(), entry.section(),
                        entry.href().equals("/") ? path.equals("/") : path.startsWith(entry.href())))
                .toList();
    }

    /** An entry as one page shows it: whether it is the current page. */
    record NavigationItem(String href, String labelKey, String icon, String section, boolean active) {
    }
}
