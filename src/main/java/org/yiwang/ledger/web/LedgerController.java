package org.yiwang.ledger.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yiwang.ledger.Ledger;
import org.yiwang.ledger.LedgerEntry;
import org.yiwang.ledger.LedgerVerification;
import org.yiwang.platform.Actor;
import org.yiwang.platform.Actors;
import org.yiwang.platform.LocalizedException;
import org.yiwang.platform.Role;

import java.util.List;

/**
 * The chain as auditors see it: leaders and administrators verify it; staff read the entries of a
 * subject inside their data scope. Subjects with no entry in the caller's scope answer 404.
 */
@RestController
@RequestMapping("/api/ledger")
class LedgerController {

    private final Ledger ledger;

    LedgerController(Ledger ledger) {
        this.ledger = ledger;
    }

    @GetMapping("/verify")
    LedgerVerification verify() {
        Actors.requireAny(Role.ADMIN, Role.LEADER);
        return ledger.verify();
    }

    /**
     * @param after only entries after this sequence number, to page through a long history
     * @param limit at most this many entries, 1 to 1,000
     */
    @GetMapping("/{stream}/{subjectId}")
    SubjectHistory entries(@PathVariable String stream, @PathVariable String subjectId,
                           @RequestParam(defaultValue = "0") long after, @RequestParam(defaultValue = "200") int limit) {
        Actor actor = Actors.require();
        if (!actor.isStaff()) {
            throw LocalizedException.forbidden("error.forbidden");
        }
        if (limit < 1 || limit > 1_000) {
            throw LocalizedException.badRequest("ledger.error.limit", 1, 1_000);
        }
        if (after < 0) {
            throw LocalizedException.badRequest("ledger.error.after");
        }
        List<LedgerEntry> entries = ledger.entriesOf(stream, subjectId, actor.scope(), after, limit);
        if (entries.isEmpty() && after == 0) {
            throw LocalizedException.notFound("ledger.error.subjectNotFound", stream, subjectId);
        }
        return new SubjectHistory(stream, subjectId, entries, entries.size() == limit ? entries.getLast().seq() : null);
    }

    /** @param next the {@code after} value for the next page, absent on the last one */
    record SubjectHistory(String stream, String subjectId, List<LedgerEntry> entries, Long next) {
    }
}
