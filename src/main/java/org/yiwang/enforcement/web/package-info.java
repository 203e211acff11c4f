/** Screens and JSON of enforcement cases and campaigns. */
@org.jspecify.annotations.NullMarked
package org.yiwang.enforcement.web;
