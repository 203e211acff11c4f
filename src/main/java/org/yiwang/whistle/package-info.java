/**
 * 吹哨报到 ("街乡吹哨、部门报到"): a street command centre summons district departments to a work order, each
 * department reports in within the whistle's limit, the street records the outcome — and both sides are
 * assessed; every step goes to the ledger and to the people concerned.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "Whistle and report",
        allowedDependencies = {"platform", "workorder", "people", "catalog", "notify", "ledger"})
package org.yiwang.whistle;
