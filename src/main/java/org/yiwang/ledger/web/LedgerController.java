package org.yiwang.ledger.web;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yiwang.ledger.Ledger;
import org.yiwang.ledger.LedgerEntry;
import org.yiwang.ledger.LedgerVerification;
import org.yiwang.ledger.SubjectReaders;
import org.yiwang.platform.Actor;
import org.yiwang.platform.Actors;
import org.yiwang.platform.DataScope;
import org.yiwang.platform.LocalizedException;
import org.yiwang.platform.Role;

import java.util.List;

/**
 * The chain as auditors see it: leaders and administrators verify it; staff read the entries of a
 * subject they may read: where the subject's module decides that ({@link SubjectReaders}, e.g. a work
 * order's entries are read by exactly those who may read the order, notes masked), by its check; else
 * by the caller's data scope against the entries' division codes. Subjects the caller may not read
 * answer 404, as missing ones do.
 */
@RestController
@RequestMapping("/api/ledger")
class LedgerController {

    private final Ledger ledger;
    private final ObjectProvider<SubjectReaders> readers;

    LedgerController(Ledger ledger, ObjectProvider<SubjectReaders> readers) {
        this.ledger = ledger;
        this.readers = readers;
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
        SubjectReaders check = readers.orderedStream().filter(r -> r.stream().equals(stream)).findFirst().orElse(null);
        List<LedgerEntry> entries;
        if (check == null) {
            entries = ledger.entriesOf(stream, subjectId, actor.scope(), after, limit);
        } else if (check.mayRead(subjectId, actor)) {
            entries = ledger.entriesOf(stream, subjectId, DataScope.everything(), after, limit).stream()
                    .map(e -> new LedgerEntry(e.seq(), e.stream(), e.subjectId(), e.districtCode(), e.kind(), e.at(),
                            e.actorUserId(), check.shown(e.canonical(), actor), e.prevHash(), e.hash(), e.leafHash()))
                    .toList();
        } else {
            entries = List.of();
        }
        if (entries.isEmpty() && after == 0) {
            throw LocalizedException.notFound("ledger.error.subjectNotFound", stream, subjectId);
        }
        return new SubjectHistory(stream, subjectId, entries, entries.size() == limit ? entries.getLast().seq() : null);
    }

    /** @param next the {@code after} value for the next page, absent on the last one */
    record SubjectHistory(String stream, String subjectId, List<LedgerEntry> entries, Long next) {
    }
}
