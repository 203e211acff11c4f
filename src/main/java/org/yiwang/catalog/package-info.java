/**
 * Catalogs owns what every case is measured against: the categories of GB/T 47678.5 and their local
 * extensions, the versioned duty list (who handles which category at which level), the time limits, and
 * the working calendar that working-hour limits are counted on.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "Catalogs", allowedDependencies = {"platform", "people"})
package org.yiwang.catalog;
