/**
 * Co-governance (共治): the mediation of disputes (矛盾纠纷调解) — cases with parties, mediators, sessions,
 * outcomes, follow-up visits, risk and escalation — for a community's staff. Builds on the work-order,
 * people, notification and ledger APIs; nothing in the core depends on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Co-governance",
        allowedDependencies = {"platform", "workorder", "people", "notify", "ledger", "geo"})
@org.jspecify.annotations.NullMarked
package org.yiwang.cogov;
