package org.yiwang.catalog;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiwang.catalog.internal.CatalogCache;
import org.yiwang.catalog.internal.CatalogRevision;
import org.yiwang.catalog.internal.CatalogSnapshot;
import org.yiwang.catalog.internal.CategoryStore;
import org.yiwang.platform.LocalizedException;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The categories (案件类别) every case is filed under: the 153 components and 250 matters of
 * GB/T 47678.5-2026 and the local social-governance extensions. Reads come from memory; administrators
 * add local categories and change keywords, owners and flags.
 */
@Service
public class Catalog {

    static final Pattern LOCAL_CODE = Pattern.compile("L\\d{5}");
    static final Pattern LOCAL_MAJOR_CLASS = Pattern.compile("L\\d{2}");

    private final CatalogCache cache;
    private final CategoryStore store;
    private final CatalogRevision revision;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Catalog(CatalogCache cache, CategoryStore store, CatalogRevision revision, ApplicationEventPublisher events, Clock clock) {
        this.cache = cache;
        this.store = store;
        this.revision = revision;
        this.events = events;
        this.clock = clock;
    }

    public List<MajorClass> majorClasses() {
        return List.copyOf(cache.snapshot().majorClasses());
    }

    public Optional<MajorClass> majorClass(String code) {
        return cache.snapshot().majorClass(code);
    }

    /** Every category, disabled ones included, in code order. */
    public List<Category> categories() {
        return List.copyOf(cache.snapshot().categories());
    }

    public Optional<Category> find(String code) {
        return code == null ? Optional.empty() : cache.snapshot().category(code.strip().toUpperCase(Locale.ROOT));
    }

    /** The category, or a 404 naming the code. */
    public Category get(String code) {
        return find(code).orElseThrow(() -> LocalizedException.notFound("catalog.category.notFound", code));
    }

    /**
     * The component a category is routed by: the category itself if it is a component; for a matter that
     * is a component's malfunction (供水井盖异常 M01001), that component (供水井盖 C01001); otherwise empty.
     */
    public Optional<Category> componentOf(String code) {
        CatalogSnapshot snapshot = cache.snapshot();
        return find(code).flatMap(snapshot::componentOf);
    }

    /**
     * Categories whose code, name or keywords match the query (or whose keyword the query contains, so
     * that "小区门口井盖坏了" finds the manhole covers), best matches first: the code, then the name
     * from its start, anywhere in the name, then keywords. A blank query returns all.
     */
    public List<Category> search(String query, boolean includeDisabled) {
        String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        List<Category> found = new ArrayList<>();
        for (Category category : cache.snapshot().categories()) {
            if ((includeDisabled || category.enabled()) && (q.isEmpty() || category.matches(q))) {
                found.add(category);
            }
        }
        if (!q.isEmpty()) {
            found.sort(Comparator.comparingInt((Category c) -> rank(c, q)).thenComparing(Category::code));
        }
        return found;
    }

    private static int rank(Category category, String q) {
        if (category.code().equalsIgnoreCase(q)) {
            return 0;
        }
        if (category.name().startsWith(q)) {
            return 1;
        }
        if (category.name().contains(q)) {
            return 2;
        }
        return 3;
    }

    /** The categories that match {@code query} (all for a blank one) by kind and major class. */
    public CategoryTree tree(String query, boolean includeDisabled) {
        CatalogSnapshot snapshot = cache.snapshot();
        List<Category> found = new ArrayList<>(search(query, includeDisabled));
        found.sort(Comparator.comparing(Category::code));
        Map<CategoryKind, Map<String, List<Category>>> grouped = new EnumMap<>(CategoryKind.class);
        for (Category category : found) {
            grouped.computeIfAbsent(category.kind(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(category.majorClass(), m -> new ArrayList<>()).add(category);
        }
        List<CategoryTree.KindNode> kinds = new ArrayList<>();
        grouped.forEach((kind, classes) -> kinds.add(new CategoryTree.KindNode(kind, classes.entrySet().stream()
                .map(e -> new CategoryTree.MajorClassNode(snapshot.majorClass(e.getKey()).orElseThrow(), e.getValue()))
                .toList())));
        return new CategoryTree(kinds, found.size());
    }

    /** Adds a local major class; 409 when the code exists. */
    @Transactional
    public MajorClass addMajorClass(AddMajorClass command) {
        String code = command.code() == null ? "" : command.code().strip().toUpperCase(Locale.ROOT);
        if (!LOCAL_MAJOR_CLASS.matcher(code).matches()) {
            throw LocalizedException.badRequest("catalog.majorClass.codeInvalid", command.code());
        }
        String name = requireName("name", command.name(), MajorClass.MAX_NAME_LENGTH);
        String nameEn = requireName("nameEn", command.nameEn(), 100);
        MajorClass majorClass = new MajorClass(code, CategoryKind.LOCAL, name, nameEn);
        if (!store.insertMajorClassIfAbsent(majorClass)) {
            throw LocalizedException.conflict("catalog.majorClass.exists", code);
        }
        changed();
        return majorClass;
    }

    /** Adds a local category; 400 for bad input naming the field, 409 when the code or name is taken. */
    @Transactional
    public Category add(AddLocalCategory command) {
        String code = command.code() == null ? "" : command.code().strip().toUpperCase(Locale.ROOT);
        if (!LOCAL_CODE.matcher(code).matches()) {
            throw LocalizedException.badRequest("catalog.category.codeInvalid", command.code());
        }
        if (store.majorClasses().stream().noneMatch(m -> m.code().equals(code.substring(0, 3)))) {
            throw LocalizedException.badRequest("catalog.category.majorClassMissing", code, code.substring(0, 3));
        }
        Category category = new Category(code, CategoryKind.LOCAL, code.substring(0, 3),
                requireName("name", command.name(), Category.MAX_NAME_LENGTH), optionalName(command.nameEn()),
                keywords(command.keywords()), command.ownerDepartment(), command.smallMatter(), true);
        checkNameFree(category);
        try {
            if (!store.insertIfAbsent(category, clock.instant())) {
                throw LocalizedException.conflict("catalog.category.exists", code);
            }
        } catch (DuplicateKeyException e) {
            throw LocalizedException.conflict("catalog.category.nameTaken", category.name());
        }
        events.publishEvent(new CategoryChanged(code, true));
        changed();
        return category;
    }

    /** Changes a category (see {@link ChangeCategory} for what may change). */
    @Transactional
    public Category change(String code, ChangeCategory command) {
        Category old = store.categories().stream().filter(c -> c.code().equals(code)).findFirst()
                .orElseThrow(() -> LocalizedException.notFound("catalog.category.notFound", code));
        if ((command.name() != null || command.nameEn() != null) && old.kind().isStandard()) {
            throw LocalizedException.badRequest("catalog.category.standardName", code);
        }
        if (command.clearOwner() && command.ownerDepartment() != null) {
            throw LocalizedException.badRequest("catalog.category.ownerConflict");
        }
        Category changed = new Category(old.code(), old.kind(), old.majorClass(),
                command.name() == null ? old.name() : requireName("name", command.name(), Category.MAX_NAME_LENGTH),
                command.nameEn() == null ? old.nameEn() : optionalName(command.nameEn()),
                command.keywords() == null ? old.keywords() : keywords(command.keywords()),
                command.clearOwner() ? null : command.ownerDepartment() == null ? old.ownerDepartment() : command.ownerDepartment(),
                command.smallMatter() == null ? old.smallMatter() : command.smallMatter(),
                command.enabled() == null ? old.enabled() : command.enabled());
        if (!changed.name().equals(old.name())) {
            checkNameFree(changed);
        }
        try {
            store.update(changed, clock.instant());
        } catch (DuplicateKeyException e) {
            throw LocalizedException.conflict("catalog.category.nameTaken", changed.name());
        }
        events.publishEvent(new CategoryChanged(code, false));
        changed();
        return changed;
    }

    private void checkNameFree(Category category) {
        boolean taken = store.categories().stream()
                .anyMatch(c -> c.kind() == category.kind() && c.name().equals(category.name()) && !c.code().equals(category.code()));
        if (taken) {
            throw LocalizedException.conflict("catalog.category.nameTaken", category.name());
        }
    }

    private void changed() {
        revision.bump();
        cache.reloadAfterCommit();
    }

    private static String requireName(String field, String name, int maxLength) {
        if (name == null || name.isBlank() || name.strip().length() > maxLength) {
            throw LocalizedException.badRequest("catalog.category.nameInvalid", field, maxLength);
        }
        return name.strip();
    }

    private static String optionalName(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        if (name.strip().length() > 200) {
            throw LocalizedException.badRequest("catalog.category.nameInvalid", "nameEn", 200);
        }
        return name.strip();
    }

    private static List<String> keywords(List<String> keywords) {
        Set<String> clean = new LinkedHashSet<>();
        for (String keyword : keywords) {
            if (keyword == null || keyword.isBlank() || keyword.strip().length() > Category.MAX_KEYWORD_LENGTH) {
                throw LocalizedException.badRequest("catalog.category.keywordInvalid", String.valueOf(keyword),
                        Category.MAX_KEYWORD_LENGTH);
            }
            clean.add(keyword.strip());
        }
        if (clean.size() > Category.MAX_KEYWORDS) {
            throw LocalizedException.badRequest("catalog.category.tooManyKeywords", Category.MAX_KEYWORDS);
        }
        return List.copyOf(clean);
    }
}
