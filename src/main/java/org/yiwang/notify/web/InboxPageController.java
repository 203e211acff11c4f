package org.yiwang.notify.web;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yiwang.notify.InboxPage;
import org.yiwang.notify.Notifications;
import org.yiwang.platform.Actors;
import org.yiwang.platform.ChinaTime;

import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * 消息通知 — the signed-in user's inbox as a screen: unread first, each notice opens the screen it is about
 * (and is marked read on the way), "mark all read"; and the bell's badge with the unread count, which
 * every staff and phone page loads into its top bar.
 */
@Controller
class InboxPageController {

    static final int PAGE_SIZE = 30;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(ChinaTime.ZONE);

    private final Notifications notifications;

    InboxPageController(Notifications notifications) {
        this.notifications = notifications;
    }

    /** One line of the inbox screen. */
    record Line(long id, String text, String at, boolean unread, boolean hasLink) {
    }

    @GetMapping("/notifications")
    String inbox(@RequestParam(defaultValue = "0") int page, Model model) {
        long me = Actors.require().userId();
        int p = Math.max(0, Math.min(page, 10_000));
        InboxPage inbox = notifications.inbox(me, false, p, PAGE_SIZE, LocaleContextHolder.getLocale());
        List<Line> lines = inbox.items().stream()
                .map(i -> new Line(i.id(), i.text(), TIME.format(i.createdAt()), i.unread(), i.link() != null && i.link().startsWith("/")))
                .toList();
        model.addAttribute("lines", lines);
        model.addAttribute("unread", inbox.unread());
        model.addAttribute("page", p);
        model.addAttribute("hasNext", (long) (p + 1) * PAGE_SIZE < inbox.total());
        return "notify/inbox";
    }

    /** Marks the notice read and opens what it is about (its own link, within this site only). */
    @PostMapping("/notifications/{id}/open")
    String open(@PathVariable long id) {
        long me = Actors.require().userId();
        notifications.markRead(me, id);
        String link = notifications.link(me, id).filter(l -> l.startsWith("/") && !l.startsWith("//")).orElse("/notifications");
        return "redirect:" + link;
    }

    @PostMapping("/notifications/read-all")
    String readAll() {
        notifications.markAllRead(Actors.require().userId());
        return "redirect:/notifications";
    }

    /** The bell's badge: the unread count, or nothing when all is read (an htmx fragment). */
    @GetMapping("/notifications/badge")
    String badge(Model model) {
        model.addAttribute("unread", notifications.unreadCount(Actors.require().userId()));
        return "notify/badge :: badge";
    }
}
