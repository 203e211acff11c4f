/** Grid administration screens: outlines, imports and their drafts. */
@org.jspecify.annotations.NullMarked
package org.yiwang.geo.web.admin;
