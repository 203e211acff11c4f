/** The work orders' JSON API: orders, photos, contacts, 附议 and the journal. */
@org.jspecify.annotations.NullMarked
package org.yiwang.workorder.web;
