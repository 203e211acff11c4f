/** The phone pages (/m/) of residents and grid workers: reporting, my reports, the grid. */
@org.jspecify.annotations.NullMarked
package org.yiwang.workorder.web.mobile;
