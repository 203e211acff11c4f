/**
 * Intelligent sorting (智能分拣): a Chinese text classifier learnt from closed work orders and dispatchers'
 * corrections that suggests categories at intake, versioned models, and the duplicates and hot spots found
 * among new reports.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "Sorter",
        allowedDependencies = {"platform", "catalog", "workorder", "geo", "people", "notify"})
package org.yiwang.sorter;
