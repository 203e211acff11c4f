/**
 * Desks (工作台): the staff screens that close the gaps between modules — a department's whistle inbox with
 * 报到, the 回访 follow-up of a dissatisfied rating, the dispatcher's phone intake, the 待定位 queue with its map,
 * channel imports with their problems, and the duplicate and hot-spot hints of the sorter. Builds on the
 * modules' APIs and follows the work-order journal; nothing in the core depends on it.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "Desks",
        allowedDependencies = {"platform", "workorder", "whistle", "intake", "sorter", "people", "catalog", "geo", "notify", "hotline"})
package org.yiwang.desks;
