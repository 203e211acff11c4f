/** The application class; every module lives in a package below this one. */
@org.jspecify.annotations.NullMarked
package org.yiwang;
