/** The hotline desk's JSON API and its knowledge-base console. */
@org.jspecify.annotations.NullMarked
package org.yiwang.hotline.web;
