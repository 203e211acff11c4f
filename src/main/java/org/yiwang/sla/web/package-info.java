/** JSON API of the traffic lights: overview by street and department, overdue orders, one order's clock. */
@org.jspecify.annotations.NullMarked
package org.yiwang.sla.web;
