package org.yiwang.catalog;

import org.yiwang.people.DepartmentType;

import java.util.List;

/**
 * Changes a category; null fields stay as they are. Names may change for local categories only — the
 * standard's names are the standard's. Keywords, owner, small-matter flag and enabled may change for all.
 *
 * @param clearOwner remove the owner department (then {@code ownerDepartment} must be null)
 */
public record ChangeCategory(String name, String nameEn, List<String> keywords, DepartmentType ownerDepartment,
                             boolean clearOwner, Boolean smallMatter, Boolean enabled) {
}
