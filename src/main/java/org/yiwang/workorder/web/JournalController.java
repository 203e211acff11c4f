package org.yiwang.workorder.web;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.yiwang.platform.Actors;
import org.yiwang.platform.Role;
import org.yiwang.workorder.JournalStatus;
import org.yiwang.workorder.JournalTail;

/** How far the modules that follow the work-order journal are behind (administrators). */
@RestController
class JournalController {

    private final JournalTail tail;

    JournalController(JournalTail tail) {
        this.tail = tail;
    }

    @Operation(summary = "Followers of the work-order journal: changes each has not applied yet, and parked changes (ADMIN)")
    @GetMapping("/api/journal")
    JournalStatus status() {
        Actors.requireAny(Role.ADMIN);
        return tail.status();
    }
}
