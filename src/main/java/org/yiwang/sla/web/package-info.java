/** JSON API of the traffic lights: overview by street and department, overdue orders, one order's clock. */
package org.yiwang.sla.web;
