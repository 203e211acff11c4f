/**
 * Joint enforcement 1+5+N (联合执法) and campaigns (专项行动): enforcement cases opened from an order, a patrol
 * finding or directly, with a scenario's checklist, summoned departments on an arrival clock, an on-site
 * inspection, one combined notice (全科执法 责令改正通知书) numbered per street and year, the stages 立案 → 结案
 * and 移送; and campaigns that register returning people or sites, colour each record by their rules and spawn
 * visits or checks with a limit. Builds on the core's APIs; nothing in the core depends on it.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "Enforcement and campaigns",
        allowedDependencies = {"platform", "workorder", "fieldwork", "people", "notify", "ledger", "geo"})
package org.yiwang.enforcement;
