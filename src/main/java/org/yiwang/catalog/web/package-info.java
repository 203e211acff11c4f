/** The catalog's JSON API: categories, duty lists, time limits and the working-day calendar. */
@org.jspecify.annotations.NullMarked
package org.yiwang.catalog.web;
