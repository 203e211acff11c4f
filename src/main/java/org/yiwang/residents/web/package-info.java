/** The residents' pages: follows, public reports and map, photo review, the phone app manifest. */
@org.jspecify.annotations.NullMarked
package org.yiwang.residents.web;
