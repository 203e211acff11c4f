package org.yiwang.analytics.web;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.yiwang.platform.Actor;
import org.yiwang.platform.Actors;
import org.yiwang.platform.Role;

/**
 * 指挥中心大屏 — the big screen of the command centre, for leaders, dispatchers and administrators, within
 * their territory: a dark, full-screen page (1920×1080 and 3840×2160, no scrolling) with today's figures,
 * the lights, the live map, top categories and hot spots, the departments' ranking and the latest events,
 * refreshed by server-sent events.
 */
@Controller
@RequestMapping("/command/screen")
class CommandScreenController {

    static final Role[] VIEWERS = {Role.ADMIN, Role.LEADER, Role.DISPATCHER};

    private final CommandScreen screen;
    private final BaseMaps baseMaps;

    CommandScreenController(CommandScreen screen, BaseMaps baseMaps) {
        this.screen = screen;
        this.baseMaps = baseMaps;
    }

    @GetMapping
    String page(Model model) {
        Actor actor = Actors.requireAny(VIEWERS);
        model.addAttribute("viewer", actor.displayName());
        model.addAttribute("reader", actor.userId());
        baseMaps.addTo(model);
        return "analytics/screen";
    }

    /** The figures the screen shows now (the shared snapshot when it is fresh). */
    @GetMapping(value = "/snapshot", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    CommandScreen.Snapshot snapshot() {
        Actor actor = Actors.requireAny(VIEWERS);
        return screen.current(actor, LocaleContextHolder.getLocale());
    }

    /** A {@code snapshot} event at once and then every few seconds. */
    @GetMapping(value = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream() {
        Actor actor = Actors.requireAny(VIEWERS);
        return screen.subscribe(actor, LocaleContextHolder.getLocale());
    }
}
