package org.yiwang.catalog;

/** Adds a local major class ({@code L##}) for local categories. */
public record AddMajorClass(String code, String name, String nameEn) {
}
