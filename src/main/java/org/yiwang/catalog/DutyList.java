package org.yiwang.catalog;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiwang.catalog.internal.CatalogCache;
import org.yiwang.catalog.internal.CatalogRevision;
import org.yiwang.catalog.internal.CategoryStore;
import org.yiwang.catalog.internal.DutyListCsv;
import org.yiwang.catalog.internal.DutyListStore;
import org.yiwang.platform.Actor;
import org.yiwang.platform.LocalizedException;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * 职责清单/派单目录 — the versioned duty list: which kind of department handles which category at which
 * level. Routing asks {@link #candidates} (answered from memory); administrators import a new version
 * as CSV, activate it, and roll back by activating an older one.
 */
@Service
public class DutyList {

    private final CatalogCache cache;
    private final DutyListStore store;
    private final CategoryStore categories;
    private final CatalogRevision revision;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DutyList(CatalogCache cache, DutyListStore store, CategoryStore categories, CatalogRevision revision,
             ApplicationEventPublisher events, Clock clock) {
        this.cache = cache;
        this.store = store;
        this.categories = categories;
        this.revision = revision;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Who may handle a case of the category, in the order to try them, by the active version and the
     * rule "部件先属主后属地、事件先属地后属主" (see {@link RoutingPrinciple}). Take the first candidate that
     * can handle the case; a case nobody on the list can handle, or a category without entries (empty
     * candidates), goes to a human dispatcher.
     *
     * @throws LocalizedException 404 for an unknown category code
     */
    public DutyRouting candidates(String categoryCode) {
        String code = categoryCode == null ? "" : categoryCode.strip().toUpperCase(Locale.ROOT);
        return cache.snapshot().routing(code)
                .orElseThrow(() -> LocalizedException.notFound("catalog.category.notFound", categoryCode));
    }

    /** The version in use, if any. */
    public Optional<DutyListVersion> active() {
        return cache.snapshot().activeDutyList();
    }

    /** The entries of the version in use, in file order. */
    public List<DutyEntry> activeEntries() {
        return cache.snapshot().activeEntries();
    }

    /** All versions, newest first. */
    public List<DutyListVersion> versions() {
        return store.versions();
    }

    public DutyListVersion version(int number) {
        return store.version(number).orElseThrow(() -> LocalizedException.notFound("catalog.dutyList.versionNotFound", number));
    }

    public List<DutyEntry> entries(int number) {
        version(number);
        return store.entries(number);
    }

    /** A version as a CSV file in the import format (UTF-8, with a byte-order mark when {@code bom}). */
    public byte[] export(int number, boolean bom) {
        return DutyListCsv.write(entries(number), bom);
    }

    /**
     * Imports a CSV file as a new draft version. All or nothing: every row is checked, and a file with
     * any bad row changes nothing and reports each with its line.
     */
    @Transactional
    public DutyListImport importCsv(byte[] file, String note, Actor actor) {
        String cleanNote = note == null || note.isBlank() ? null : note.strip();
        if (cleanNote != null && cleanNote.length() > DutyEntry.MAX_NOTE_LENGTH) {
            throw LocalizedException.badRequest("catalog.dutyList.noteTooLong", DutyEntry.MAX_NOTE_LENGTH);
        }
        Set<String> known = categories.categories().stream().map(Category::code).collect(Collectors.toSet());
        DutyListCsv.Parsed parsed = DutyListCsv.parse(file, known::contains);
        if (!parsed.ok()) {
            List<DutyListImport.Problem> listed = parsed.problems().size() > DutyListImport.MAX_LISTED_PROBLEMS
                    ? parsed.problems().subList(0, DutyListImport.MAX_LISTED_PROBLEMS) : parsed.problems();
            return new DutyListImport(null, parsed.rows(), listed, parsed.problems().size());
        }
        store.lock();
        DutyListVersion draft = store.insertDraft(parsed.entries(), cleanNote, actor.username(), actor.userId(), clock.instant());
        return new DutyListImport(draft, parsed.rows(), List.of(), 0);
    }

    /**
     * Makes a version the active one and retires the one before; activating a retired version is a
     * rollback, activating the active one changes nothing.
     */
    @Transactional
    public DutyListVersion activate(int number, Actor actor) {
        store.lock();
        DutyListVersion version = version(number);
        if (version.status() == DutyListStatus.ACTIVE) {
            return version;
        }
        Integer previous = store.active().map(DutyListVersion::number).orElse(null);
        store.activate(number, actor.username(), clock.instant());
        revision.bump();
        events.publishEvent(new DutyListActivated(number, previous));
        cache.reloadAfterCommit();
        return version(number);
    }

    /** Deletes a draft that was never activated; 409 for any other version. */
    @Transactional
    public void deleteDraft(int number) {
        store.lock();
        DutyListVersion version = version(number);
        if (version.status() != DutyListStatus.DRAFT || !store.deleteDraft(number)) {
            throw LocalizedException.conflict("catalog.dutyList.notDraft", number, version.status());
        }
    }
}
