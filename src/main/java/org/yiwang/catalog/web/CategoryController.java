package org.yiwang.catalog.web;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.yiwang.catalog.AddLocalCategory;
import org.yiwang.catalog.AddMajorClass;
import org.yiwang.catalog.Catalog;
import org.yiwang.catalog.Category;
import org.yiwang.catalog.CategoryTree;
import org.yiwang.catalog.ChangeCategory;
import org.yiwang.catalog.MajorClass;
import org.yiwang.catalog.RoutingPrinciple;
import org.yiwang.people.DepartmentType;
import org.yiwang.platform.Actor;
import org.yiwang.platform.LocalizedException;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Categories and major classes: the tree and the search for everyone signed in (residents pick a
 * category when they report), additions and changes for administrators.
 */
@RestController
@RequestMapping("/api/catalog")
class CategoryController {

    /** Clears the owner department in a change. */
    static final String NO_OWNER = "NONE";

    private final Catalog catalog;

    CategoryController(Catalog catalog) {
        this.catalog = catalog;
    }

    /** The categories by kind and major class, those matching {@code q} (code, name or keyword) only when given. */
    @GetMapping("/categories")
    CategoryTree tree(@RequestParam(required = false) String q, @RequestParam(defaultValue = "false") boolean includeDisabled) {
        Actor actor = Access.signedIn();
        return catalog.tree(q, includeDisabled && actor.isStaff());
    }

    @GetMapping("/categories/{code}")
    CategoryDetail detail(@PathVariable String code) {
        Actor actor = Access.signedIn();
        Category category = catalog.get(code);
        if (!category.enabled() && !actor.isStaff()) {
            throw LocalizedException.notFound("catalog.category.notFound", code);
        }
        MajorClass majorClass = catalog.majorClass(category.majorClass()).orElseThrow();
        String component = catalog.componentOf(category.code()).map(Category::code).orElse(null);
        RoutingPrinciple principle = component == null ? RoutingPrinciple.TERRITORY_FIRST : RoutingPrinciple.OWNER_FIRST;
        return new CategoryDetail(category.code(), category.kind().name(), majorClass, category.name(), category.nameEn(),
                category.keywords(), category.ownerDepartment(), category.smallMatter(), category.enabled(),
                category.kind().isStandard() ? "GB/T 47678.5-2026" : null,
                component == null || component.equals(category.code()) ? null : component, principle, principle.text());
    }

    @PostMapping("/categories")
    ResponseEntity<Category> add(@RequestBody CategoryInput input) {
        Access.admin();
        Category added = catalog.add(new AddLocalCategory(input.code(), input.name(), input.nameEn(), input.keywords(),
                department(input.ownerDepartment()), Boolean.TRUE.equals(input.smallMatter())));
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{code}")
                .buildAndExpand(added.code()).toUri()).body(added);
    }

    /** Changes a category; absent fields stay. {@code "ownerDepartment": "NONE"} removes the owner. */
    @PatchMapping("/categories/{code}")
    Category change(@PathVariable String code, @RequestBody CategoryInput input) {
        Access.admin();
        if (input.code() != null && !input.code().equalsIgnoreCase(code)) {
            throw LocalizedException.badRequest("catalog.category.codeFixed", code);
        }
        boolean clearOwner = NO_OWNER.equalsIgnoreCase(input.ownerDepartment() == null ? "" : input.ownerDepartment().strip());
        return catalog.change(catalog.get(code).code(), new ChangeCategory(input.name(), input.nameEn(), input.keywords(),
                clearOwner ? null : department(input.ownerDepartment()), clearOwner, input.smallMatter(), input.enabled()));
    }

    @GetMapping("/major-classes")
    List<MajorClass> majorClasses() {
        Access.signedIn();
        return catalog.majorClasses();
    }

    @PostMapping("/major-classes")
    ResponseEntity<MajorClass> addMajorClass(@RequestBody MajorClassInput input) {
        Access.admin();
        MajorClass added = catalog.addMajorClass(new AddMajorClass(input.code(), input.name(), input.nameEn()));
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/api/catalog/categories").queryParam("q", added.code()).build().toUri()).body(added);
    }

    private static DepartmentType department(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return DepartmentType.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw LocalizedException.badRequest("catalog.param.oneOf", "ownerDepartment",
                    Arrays.toString(DepartmentType.values()), text);
        }
    }

    record CategoryInput(String code, String name, String nameEn, List<String> keywords, String ownerDepartment,
                         Boolean smallMatter, Boolean enabled) {
    }

    record MajorClassInput(String code, String name, String nameEn) {
    }

    /**
     * @param standard the national standard the item comes from, null for local categories
     * @param component for a matter that is a component's malfunction, the component it is routed by
     */
    record CategoryDetail(String code, String kind, MajorClass majorClass, String name, String nameEn, List<String> keywords,
                          DepartmentType ownerDepartment, boolean smallMatter, boolean enabled, String standard,
                          String component, RoutingPrinciple principle, String principleText) {
    }
}
