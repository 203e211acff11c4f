/**
 * Co-governance (共治): residents' councils (议事会: topics, discussion, votes, resolutions that become work orders,
 * minutes), volunteers and the 红色服务队 (activities, sign-up and sign-in, hours, points), and the mediation of disputes
 * (矛盾纠纷调解: parties, mediators, sessions, outcomes, follow-up visits, risk and escalation), for a community's staff
 * and residents. Builds on the work-order, people, geo, notification and ledger APIs; nothing in the core depends on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Co-governance",
        allowedDependencies = {"platform", "workorder", "people", "notify", "ledger", "geo"})
@org.jspecify.annotations.NullMarked
package org.yiwang.cogov;
