/** The catalog's administration screens: categories, duty lists, time limits and the calendar. */
@org.jspecify.annotations.NullMarked
package org.yiwang.catalog.web.admin;
