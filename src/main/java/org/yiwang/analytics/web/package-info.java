/** The analytics screens and JSON: dashboard, command map and command screen. */
@org.jspecify.annotations.NullMarked
package org.yiwang.analytics.web;
