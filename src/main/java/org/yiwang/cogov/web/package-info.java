/** The co-governance screens ({@code /cogov/**}) and JSON API ({@code /api/cogov/**}). */
@org.jspecify.annotations.NullMarked
package org.yiwang.cogov.web;
