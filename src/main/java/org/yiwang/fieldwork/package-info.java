/**
 * The grid worker's day in the field (网格员的一天): patrols (巡查) with their GPS tracks, the time spent
 * inside the worker's own grids per day against the 3-hour rule, findings of the patrol log (民情日志) that
 * become work orders or are closed on the spot, the duty checklists (三项清单) ticked on a patrol, household
 * visits (入户走访) in rounds with their coverage, and care visits (关爱走访) of the registry's care groups.
 * Nothing in the work-order core depends on it.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "Field work",
        allowedDependencies = {"platform", "geo", "people", "workorder", "registry", "notify"})
package org.yiwang.fieldwork;
