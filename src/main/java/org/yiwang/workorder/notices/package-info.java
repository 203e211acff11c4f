/** Notices that work-order transitions send to the people concerned. */
@org.jspecify.annotations.NullMarked
package org.yiwang.workorder.notices;
