package org.yiwang.catalog.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.catalog.CalendarDay;
import org.yiwang.catalog.CalendarYear;
import org.yiwang.catalog.Category;
import org.yiwang.catalog.DutyEntry;
import org.yiwang.catalog.MajorClass;
import org.yiwang.catalog.SetTimeLimit;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Brings the shipped data into the database before the application serves anything, then loads the
 * catalog into memory. Idempotent, and safe when several nodes start at once (they take turns on an
 * advisory lock):
 * <ul>
 *   <li>major classes and categories missing from the database are added (never overwritten, so an
 *   administrator's changes stay);</li>
 *   <li>the default time limits, each year of holidays and the generated default duty list (version 1,
 *   active) are applied once each, recorded in {@code catalog_seed}.</li>
 * </ul>
 */
@Component
class CatalogSeeds implements SmartInitializingSingleton {

    static final String SYSTEM = "system";
    private static final long LOCK = 0x63617461_6c6f6730L;
    private static final Logger log = LoggerFactory.getLogger(CatalogSeeds.class);

    private final JdbcClient jdbc;
    private final CategoryStore categories;
    private final DutyListStore dutyLists;
    private final TimeLimitStore timeLimits;
    private final CalendarStore calendar;
    private final CatalogRevision revision;
    private final CatalogCache cache;
    private final TransactionTemplate transaction;
    private final Clock clock;

    CatalogSeeds(JdbcClient jdbc, CategoryStore categories, DutyListStore dutyLists, TimeLimitStore timeLimits,
                 CalendarStore calendar, CatalogRevision revision, CatalogCache cache, PlatformTransactionManager transactions,
                 Clock clock) {
        this.jdbc = jdbc;
        this.categories = categories;
        this.dutyLists = dutyLists;
        this.timeLimits = timeLimits;
        this.calendar = calendar;
        this.revision = revision;
        this.cache = cache;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @Override
    public void afterSingletonsInstantiated() {
        transaction.executeWithoutResult(status -> seed());
        cache.reload();
    }

    void seed() {
        jdbc.sql("SELECT pg_advisory_xact_lock(:key)").param("key", LOCK).query(Object.class).single();
        Instant now = clock.instant();
        int changes = 0;
        for (MajorClass majorClass : ShippedData.majorClasses()) {
            changes += categories.insertMajorClassIfAbsent(majorClass) ? 1 : 0;
        }
        int added = 0;
        for (Category category : ShippedData.categories()) {
            added += categories.insertIfAbsent(category, now) ? 1 : 0;
        }
        if (added > 0) {
            log.info("Added {} categories from {} and the local extensions", added, ShippedData.STANDARD);
        }
        changes += added;
        if (revision.claimSeed("time-limits-default", now)) {
            List<SetTimeLimit> rows = ShippedData.timeLimits();
            rows.forEach(row -> timeLimits.insertIfAbsent(row, SYSTEM, now));
            changes += rows.size();
        }
        List<CalendarDay> holidays = ShippedData.holidays();
        for (CalendarYear year : ShippedData.years()) {
            if (revision.claimSeed("holidays-" + year.year(), now)) {
                calendar.setYear(year, SYSTEM, now);
                holidays.stream().filter(d -> d.date().getYear() == year.year())
                        .forEach(day -> calendar.insertDayIfAbsent(day, SYSTEM, now));
                changes++;
                log.info("Added the {} holidays{}", year.year(), year.provisional() ? " (provisional: statutory days only)" : "");
            }
        }
        if (revision.claimSeed("duty-list-default", now) && dutyLists.versions().isEmpty()) {
            List<DutyEntry> entries = DefaultDutyList.generate(categories.categories());
            int number = dutyLists.insertDraft(entries, "生成的默认职责清单", SYSTEM, null, now).number();
            dutyLists.activate(number, SYSTEM, now);
            changes++;
            log.info("Generated the default duty list: version {} with {} entries", number, entries.size());
        }
        if (changes > 0) {
            revision.bump();
        }
    }
}
