/** The patrol page on the phone and the field-work JSON API. */
@org.jspecify.annotations.NullMarked
package org.yiwang.fieldwork.web;
