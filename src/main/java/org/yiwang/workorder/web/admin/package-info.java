/** The journal's administration screen. */
@org.jspecify.annotations.NullMarked
package org.yiwang.workorder.web.admin;
