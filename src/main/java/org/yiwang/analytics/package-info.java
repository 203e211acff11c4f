/**
 * Analytics owns the command centre's views of the work: the live map of orders over the grids
 * (pushed to each viewer within their data scope) and the dashboard's assessment figures (考核),
 * read with SQL from the work-order tables.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "Analytics",
        allowedDependencies = {"platform", "workorder", "geo", "people", "catalog"})
package org.yiwang.analytics;
