/**
 * Intake from the other systems — 12345 hotline work orders and 数字城管 cases, one at a time or as
 * CSV/Excel files — with the standard-address table (标准地址) that locates them, the reports left for a
 * dispatcher to locate, the status feed back to the hotline (回访), and signed outbound webhooks.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "Channel intake",
        allowedDependencies = {"platform", "geo", "catalog", "people", "workorder", "ledger"})
package org.yiwang.intake;
