/**
 * The staff console (指挥中心与处置单位工作台): the dispatcher's queue, order pages with every lifecycle
 * action, supervision of overdue orders, 吹哨, and the department handler's inbox. A nested module of
 * work orders, so that it can also use time limits and 吹哨报到, which themselves build on work orders.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "Staff console",
        allowedDependencies = {"platform", "workorder", "dispatch", "catalog", "people", "geo", "sla", "whistle"})
package org.yiwang.workorder.web.console;
