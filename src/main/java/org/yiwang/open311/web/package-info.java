/** The GeoReport v2 endpoints at {@code /open311/v2} and the administrators' API-key endpoints. */
@org.jspecify.annotations.NullMarked
package org.yiwang.open311.web;
