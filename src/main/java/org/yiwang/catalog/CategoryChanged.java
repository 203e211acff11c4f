package org.yiwang.catalog;

/** A category was added or changed (name, keywords, owner, small-matter flag or enabled). */
public record CategoryChanged(String code, boolean added) {
}
