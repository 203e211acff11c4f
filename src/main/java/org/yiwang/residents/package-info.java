/**
 * What residents see and follow beyond their own reports (居民参与与公开): 关注 of a report or an area with updates in
 * the inbox (and by SMS where configured), the public page per report, the public map and the open-data export with
 * personal data removed, and the review of which photos the public may see. Follows the work-order journal and uses
 * the core's APIs only; nothing in the core depends on it.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "Residents",
        allowedDependencies = {"platform", "geo", "catalog", "workorder", "notify"})
package org.yiwang.residents;
