package org.yiwang.catalog;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiwang.catalog.internal.CatalogCache;
import org.yiwang.catalog.internal.CatalogRevision;
import org.yiwang.catalog.internal.CatalogSnapshot;
import org.yiwang.catalog.internal.CategoryStore;
import org.yiwang.catalog.internal.TimeLimitStore;
import org.yiwang.platform.Actor;
import org.yiwang.platform.LocalizedException;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

/**
 * 时限 — time limits as data, per (category, major class or {@code *}; urgency; stage). Resolution is
 * answered from memory; {@link WorkingCalendar#due} turns the limit into a deadline.
 */
@Service
public class TimeLimits {

    private final CatalogCache cache;
    private final TimeLimitStore store;
    private final CategoryStore categories;
    private final CatalogRevision revision;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    TimeLimits(CatalogCache cache, TimeLimitStore store, CategoryStore categories, CatalogRevision revision,
               ApplicationEventPublisher events, Clock clock) {
        this.cache = cache;
        this.store = store;
        this.categories = categories;
        this.revision = revision;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The limit of a stage for a category at an urgency: the row for the category if there is one, else
     * the row for its major class, else the {@code *} row — with the row it came from.
     *
     * @throws LocalizedException 404 for an unknown category code
     */
    public ResolvedTimeLimit resolve(String categoryCode, Urgency urgency, Stage stage) {
        CatalogSnapshot snapshot = cache.snapshot();
        String code = categoryCode == null ? "" : categoryCode.strip().toUpperCase(Locale.ROOT);
        Category category = snapshot.category(code)
                .orElseThrow(() -> LocalizedException.notFound("catalog.category.notFound", categoryCode));
        return snapshot.timeLimits().resolve(category, urgency, stage)
                .orElseThrow(() -> new IllegalStateException("no * time limit for " + urgency + " " + stage));
    }

    /**
     * The limit of a stage for a report that has no category yet (e.g. filing an uncategorised report):
     * the {@code *} row.
     */
    public ResolvedTimeLimit resolveUncategorised(Urgency urgency, Stage stage) {
        return cache.snapshot().timeLimits().rule(TimeLimitRule.ALL, urgency, stage)
                .map(rule -> new ResolvedTimeLimit(TimeLimitRule.ALL, urgency, stage, rule.limit(), rule))
                .orElseThrow(() -> new IllegalStateException("no * time limit for " + urgency + " " + stage));
    }

    /** All rows, the {@code *} rows first, then major classes, then categories. */
    public List<TimeLimitRule> rules() {
        return cache.snapshot().timeLimits().rules();
    }

    /** Sets a row (adding it or replacing its limit); the scope must be {@code *} or an existing class or category. */
    @Transactional
    public TimeLimitRule set(SetTimeLimit change, Actor actor) {
        boolean exists = switch (TimeLimitRule.specificityOf(change.scope())) {
            case ALL -> true;
            case MAJOR_CLASS -> categories.majorClasses().stream().anyMatch(m -> m.code().equals(change.scope()));
            case CATEGORY -> categories.categories().stream().anyMatch(c -> c.code().equals(change.scope()));
        };
        if (!exists) {
            throw LocalizedException.badRequest("catalog.timeLimit.scopeUnknown", change.scope());
        }
        TimeLimitRule rule = store.set(change, actor.username(), clock.instant());
        changed(new TimeLimitsChanged(rule.id(), rule.scope(), rule.urgency(), rule.stage(), false));
        return rule;
    }

    /** Removes a row; the {@code *} rows stay (409), so that every limit resolves. */
    @Transactional
    public void remove(long id) {
        TimeLimitRule rule = store.find(id).orElseThrow(() -> LocalizedException.notFound("catalog.timeLimit.notFound", id));
        if (rule.specificity() == TimeLimitRule.Specificity.ALL) {
            throw LocalizedException.conflict("catalog.timeLimit.defaultRequired", rule.key());
        }
        store.delete(id);
        changed(new TimeLimitsChanged(rule.id(), rule.scope(), rule.urgency(), rule.stage(), true));
    }

    private void changed(TimeLimitsChanged event) {
        revision.bump();
        events.publishEvent(event);
        cache.reloadAfterCommit();
    }
}
