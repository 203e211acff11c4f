/** The catalog's storage, cache, seeds and CSV import behind the module API. */
@org.jspecify.annotations.NullMarked
package org.yiwang.catalog.internal;
