package org.yiwang.notify.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.yiwang.notify.Deliveries;
import org.yiwang.notify.OutboxMessage;
import org.yiwang.notify.OutboxPage;
import org.yiwang.platform.Actor;
import org.yiwang.platform.Actors;
import org.yiwang.platform.LocalizedException;
import org.yiwang.platform.Role;

import java.util.Locale;

/**
 * Outbound SMS and e-mail as the outbox holds them — above all the failed ones — for citywide
 * administrators, who run the gateways and may send a failed message again.
 */
@RestController
@RequestMapping("/api/notifications/outbox")
class OutboxController {

    static final int MAX_PAGE_SIZE = 200;

    private final Deliveries deliveries;

    OutboxController(Deliveries deliveries) {
        this.deliveries = deliveries;
    }

    /** @param status PENDING, SENT, FAILED or SKIPPED; all when absent */
    @GetMapping
    OutboxPage list(@RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page,
                    @RequestParam(defaultValue = "50") int size) {
        cityAdministrator();
        if (page < 0) {
            throw LocalizedException.badRequest("notify.error.page");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw LocalizedException.badRequest("notify.error.size", MAX_PAGE_SIZE);
        }
        return deliveries.outbox(status(status), page, size);
    }

    @PostMapping("/{id}/retry")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void retry(@PathVariable long id) {
        cityAdministrator();
        if (!deliveries.retry(id)) {
            throw LocalizedException.notFound("notify.error.nothingToRetry", String.valueOf(id));
        }
    }

    private static void cityAdministrator() {
        Actor actor = Actors.requireAny(Role.ADMIN);
        if (!actor.scope().citywide()) {
            throw LocalizedException.forbidden("notify.error.citywideOnly");
        }
    }

    private static OutboxMessage.Status status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return OutboxMessage.Status.valueOf(status.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw LocalizedException.badRequest("notify.error.status", status);
        }
    }
}
