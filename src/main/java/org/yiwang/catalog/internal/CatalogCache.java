package org.yiwang.catalog.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.catalog.DutyEntry;
import org.yiwang.catalog.DutyListVersion;
import org.yiwang.catalog.WorkSchedule;
import org.yiwang.catalog.WorkingCalendar;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Holds the current {@link CatalogSnapshot} and replaces it when the catalog changes: right after a
 * change on this node commits, and within {@code yiwang.catalog.check-interval} (30 s) after a change on
 * another node, which it notices from the catalog revision. Readers never block and never touch the
 * database.
 */
@Component
public class CatalogCache {

    private static final Logger log = LoggerFactory.getLogger(CatalogCache.class);

    private final CatalogRevision revision;
    private final CategoryStore categories;
    private final DutyListStore dutyLists;
    private final TimeLimitStore timeLimits;
    private final CalendarStore calendar;
    private final TransactionTemplate readConsistently;
    private final AtomicReference<CatalogSnapshot> current = new AtomicReference<>();
    private final Object loading = new Object();

    CatalogCache(CatalogRevision revision, CategoryStore categories, DutyListStore dutyLists, TimeLimitStore timeLimits,
                 CalendarStore calendar, PlatformTransactionManager transactions) {
        this.revision = revision;
        this.categories = categories;
        this.dutyLists = dutyLists;
        this.timeLimits = timeLimits;
        this.calendar = calendar;
        this.readConsistently = new TransactionTemplate(transactions);
        readConsistently.setReadOnly(true);
        readConsistently.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        readConsistently.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The catalog as last loaded; loads it on first use. */
    public CatalogSnapshot snapshot() {
        CatalogSnapshot snapshot = current.get();
        if (snapshot == null) {
            reload();
            snapshot = current.get();
        }
        return snapshot;
    }

    /** Loads the catalog from the database now, unless the copy in memory is as new. */
    public void reload() {
        synchronized (loading) {
            CatalogSnapshot loaded = readConsistently.execute(status -> {
                long at = revision.current();
                CatalogSnapshot old = current.get();
                if (old != null && old.revision() == at) {
                    return null;
                }
                DutyListVersion active = dutyLists.active().orElse(null);
                List<DutyEntry> entries = active == null ? List.of() : dutyLists.entries(active.number());
                CalendarStore.Settings settings = calendar.settings();
                WorkSchedule schedule = new WorkSchedule(settings.hours(), settings.weekend(), calendar.days(), WorkingCalendar.ZONE);
                return new CatalogSnapshot(at, categories.majorClasses(), categories.categories(), active, entries,
                        timeLimits.all(), schedule, calendar.years());
            });
            if (loaded != null) {
                current.set(loaded);
                log.debug("Catalog at revision {}: {} categories, duty list version {}", loaded.revision(),
                        loaded.categories().size(), loaded.activeDutyList().map(DutyListVersion::number).orElse(0));
            }
        }
    }

    /** Reloads once the current transaction commits (at once when there is none). */
    public void reloadAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    reloadQuietly();
                }
            });
        } else {
            reload();
        }
    }

    @Scheduled(initialDelayString = "${yiwang.catalog.check-interval:PT30S}", fixedDelayString = "${yiwang.catalog.check-interval:PT30S}")
    void reloadIfChangedElsewhere() {
        CatalogSnapshot snapshot = current.get();
        try {
            if (snapshot == null || revision.current() != snapshot.revision()) {
                reload();
            }
        } catch (RuntimeException e) {
            log.warn("Could not check the catalog revision: {}", e.toString());
        }
    }

    private void reloadQuietly() {
        try {
            reload();
        } catch (RuntimeException e) {
            // the change is committed; the scheduled check picks it up
            log.warn("Could not reload the catalog after a change: {}", e.toString());
        }
    }
}
