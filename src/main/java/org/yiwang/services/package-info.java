/**
 * 一网通办 at the street and community: the service item catalog (事项清单) with 街社同权, applications online, at the
 * window and on behalf of a resident (帮办代办), 一件事 bundles, the queue (叫号), 好差评 with 整改 reviews, and the
 * figures of it all. Nothing in the work-order core depends on it.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "Government services",
        allowedDependencies = {"platform", "catalog", "ledger", "people", "geo", "registry"})
package org.yiwang.services;
