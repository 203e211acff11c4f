package org.yiwang.notify.web;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.yiwang.notify.InboxPage;
import org.yiwang.notify.Notifications;
import org.yiwang.platform.Actors;
import org.yiwang.platform.LocalizedException;

/** The signed-in user's own inbox, in their language. Anyone signed in has one; nobody sees another's. */
@RestController
@RequestMapping("/api/notifications")
class NotificationController {

    static final int MAX_PAGE_SIZE = 100;

    private final Notifications notifications;

    NotificationController(Notifications notifications) {
        this.notifications = notifications;
    }

    /** @param unread only unread notices; otherwise all, unread first */
    @GetMapping
    InboxPage mine(@RequestParam(defaultValue = "false") boolean unread, @RequestParam(defaultValue = "0") int page,
                   @RequestParam(defaultValue = "20") int size) {
        long me = Actors.require().userId();
        if (page < 0) {
            throw LocalizedException.badRequest("notify.error.page");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw LocalizedException.badRequest("notify.error.size", MAX_PAGE_SIZE);
        }
        return notifications.inbox(me, unread, page, size, LocaleContextHolder.getLocale());
    }

    @GetMapping("/unread-count")
    UnreadCount unreadCount() {
        return new UnreadCount(notifications.unreadCount(Actors.require().userId()));
    }

    @PostMapping("/{id}/read")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void read(@PathVariable long id) {
        if (!notifications.markRead(Actors.require().userId(), id)) {
            throw LocalizedException.notFound("notify.error.noticeNotFound", String.valueOf(id));
        }
    }

    @PostMapping("/read-all")
    Marked readAll() {
        return new Marked(notifications.markAllRead(Actors.require().userId()));
    }

    record UnreadCount(long unread) {
    }

    /** @param marked notices that were unread and are read now */
    record Marked(int marked) {
    }
}
