/**
 * Routing (智能分拣派发): from a located, categorised report to the unit that must handle it, by
 * the duty list and "小事不出社区、大事不出街道", with the reasons for every decision, and memory of
 * dispatchers' corrections.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "Dispatch (routing)",
        allowedDependencies = {"platform", "geo", "people", "catalog"})
package org.yiwang.dispatch;
