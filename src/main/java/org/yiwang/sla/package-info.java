/**
 * Time limits in motion (时限监控): a clock per work order's running stage, the traffic light it shows, the
 * yellow warning to the handler and the red escalation (督办) to the supervisor — once per stage, across nodes.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "Time limits and escalation",
        allowedDependencies = {"platform", "workorder", "catalog", "people", "notify"})
package org.yiwang.sla;
