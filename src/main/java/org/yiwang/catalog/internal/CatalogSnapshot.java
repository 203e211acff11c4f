package org.yiwang.catalog.internal;

import org.yiwang.catalog.CalendarDay;
import org.yiwang.catalog.CalendarYear;
import org.yiwang.catalog.Category;
import org.yiwang.catalog.CategoryKind;
import org.yiwang.catalog.DutyEntry;
import org.yiwang.catalog.DutyListVersion;
import org.yiwang.catalog.DutyRouting;
import org.yiwang.catalog.MajorClass;
import org.yiwang.catalog.TimeLimitRule;
import org.yiwang.catalog.WorkSchedule;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the catalog answers from memory, as of one revision: categories, the active duty list with
 * the candidates of every category worked out in advance, the time-limit rows and the working calendar.
 * Immutable; replaced whole when the data changes.
 */
public final class CatalogSnapshot {

    private final long revision;
    private final Map<String, MajorClass> majorClasses;
    private final Map<String, Category> categories;
    private final DutyListVersion activeDutyList;
    private final List<DutyEntry> activeEntries;
    private final Map<String, DutyRouting> routings;
    private final TimeLimitIndex timeLimits;
    private final WorkSchedule schedule;
    private final List<CalendarYear> years;

    public CatalogSnapshot(long revision, Collection<MajorClass> majorClasses, Collection<Category> categories,
                           DutyListVersion activeDutyList, List<DutyEntry> activeEntries, Collection<TimeLimitRule> timeLimits,
                           WorkSchedule schedule, List<CalendarYear> years) {
        this.revision = revision;
        Map<String, MajorClass> classes = new LinkedHashMap<>();
        majorClasses.forEach(m -> classes.put(m.code(), m));
        this.majorClasses = Collections.unmodifiableMap(classes);
        Map<String, Category> byCode = new LinkedHashMap<>();
        categories.forEach(c -> byCode.put(c.code(), c));
        this.categories = Collections.unmodifiableMap(byCode);
        this.activeDutyList = activeDutyList;
        this.activeEntries = List.copyOf(activeEntries);
        Map<String, List<DutyEntry>> entriesByCategory = new HashMap<>();
        for (DutyEntry entry : this.activeEntries) {
            entriesByCategory.computeIfAbsent(entry.categoryCode(), c -> new ArrayList<>()).add(entry);
        }
        int version = activeDutyList == null ? 0 : activeDutyList.number();
        Map<String, DutyRouting> routed = new HashMap<>();
        for (Category category : this.categories.values()) {
            routed.put(category.code(), CandidateOrder.order(category, componentOf(category).orElse(null), version,
                    entriesByCategory.getOrDefault(category.code(), List.of())));
        }
        this.routings = Collections.unmodifiableMap(routed);
        this.timeLimits = new TimeLimitIndex(timeLimits);
        this.schedule = schedule;
        this.years = List.copyOf(years);
    }

    /** Nothing loaded yet. */
    public static CatalogSnapshot empty() {
        return new CatalogSnapshot(-1, List.of(), List.of(), null, List.of(), List.of(), WorkSchedule.standard(List.<CalendarDay>of()), List.of());
    }

    public long revision() {
        return revision;
    }

    public Collection<MajorClass> majorClasses() {
        return majorClasses.values();
    }

    public Optional<MajorClass> majorClass(String code) {
        return Optional.ofNullable(majorClasses.get(code));
    }

    /** All categories, by code. */
    public Collection<Category> categories() {
        return categories.values();
    }

    public Optional<Category> category(String code) {
        return Optional.ofNullable(categories.get(code));
    }

    /**
     * The component a category is routed by: a component itself, or for a matter that is a component's
     * malfunction (same five digits, M01xxx–M05xxx) that component; empty for other matters.
     */
    public Optional<Category> componentOf(Category category) {
        if (category.kind() == CategoryKind.COMPONENT) {
            return Optional.of(category);
        }
        if (category.kind() == CategoryKind.MATTER) {
            return Optional.ofNullable(categories.get("C" + category.code().substring(1)));
        }
        return Optional.empty();
    }

    public Optional<DutyListVersion> activeDutyList() {
        return Optional.ofNullable(activeDutyList);
    }

    public List<DutyEntry> activeEntries() {
        return activeEntries;
    }

    /** The worked-out candidates of a category, empty when the code is unknown. */
    public Optional<DutyRouting> routing(String categoryCode) {
        return Optional.ofNullable(routings.get(categoryCode));
    }

    public TimeLimitIndex timeLimits() {
        return timeLimits;
    }

    public WorkSchedule schedule() {
        return schedule;
    }

    public List<CalendarYear> years() {
        return years;
    }
}
