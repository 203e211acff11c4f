/** JSON API of 吹哨报到 under {@code /api/whistles} (and blowing under {@code /api/work-orders/{id}/whistles}). */
@org.jspecify.annotations.NullMarked
package org.yiwang.whistle.web;
