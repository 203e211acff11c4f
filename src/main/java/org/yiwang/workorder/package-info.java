/**
 * Work orders (工单) through their whole life — intake from every channel, the guarded lifecycle of
 * GB/T 30428 / CJ/T 315 with the 12345 additions, photos, history, and the JSON API — with every
 * transition sealed into the ledger and written to the journal that other modules follow.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "Work orders",
        allowedDependencies = {"platform", "geo", "people", "catalog", "dispatch", "ledger", "notify"})
package org.yiwang.workorder;
