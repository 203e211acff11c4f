package org.yiwang.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.yiwang.platform.Actor;
import org.yiwang.platform.Actors;
import org.yiwang.platform.Role;

import java.util.List;

/** Gives every screen the signed-in actor and the navigation they may use. */
@ControllerAdvice(annotations = Controller.class)
class ShellModelAdvice {

    @ModelAttribute("actor")
    Actor actor() {
        return Actors.current().orElse(null);
    }

    @ModelAttribute("navigation")
    List<NavigationItem> navigation(HttpServletRequest request) {
        return Actors.current().map(actor -> NavigationItem.visibleTo(actor, request.getRequestURI())).orElse(List.of());
    }

    /** One entry of the left navigation; {@code roles} empty means every signed-in user. */
    record NavigationItem(String href, String labelKey, String icon, List<Role> roles, boolean active) {

        static final List<NavigationItem> ALL = List.of(
                new NavigationItem("/", "nav.home", "⌂", List.of(), false));

        static List<NavigationItem> visibleTo(Actor actor, String path) {
            return ALL.stream()
                    .filter(item -> item.roles.isEmpty() || item.roles.stream().anyMatch(actor::has))
                    .map(item -> new NavigationItem(item.href, item.labelKey, item.icon, item.roles,
                            item.href.equals("/") ? path.equals("/") : path.startsWith(item.href)))
                    .toList();
        }
    }
}
