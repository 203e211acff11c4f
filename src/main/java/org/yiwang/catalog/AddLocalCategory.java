package org.yiwang.catalog;

import org.yiwang.people.DepartmentType;

import java.util.List;

/**
 * Adds a local category: code {@code L} + five digits, whose first two name an existing local major
 * class; the Chinese name unique among local categories.
 */
public record AddLocalCategory(String code, String name, String nameEn, List<String> keywords,
                               DepartmentType ownerDepartment, boolean smallMatter) {

    public AddLocalCategory {
        keywords = keywords == null ? List.of() : keywords;
    }
}
