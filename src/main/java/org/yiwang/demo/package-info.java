/**
 * The demo's past (演示历史): on the first start of a demo installation, 90 days of work orders from every
 * channel, street, category and department in every state — with ratings, overdue and escalated orders and
 * whistles — made through the real intake, actions and whistle steps on a clock set back in time, and the
 * standard addresses of the demo streets. Nothing in the core depends on it.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "Demo history",
        allowedDependencies = {"platform", "geo", "people", "catalog", "workorder", "whistle", "intake"})
package org.yiwang.demo;
