/** The desks' screens (server-rendered, forms with CSRF tokens) under {@code /desks} and {@code /whistles/{id}}. */
@org.jspecify.annotations.NullMarked
package org.yiwang.desks.web;
