/** The resident's /m/services pages, the window desk, the catalog editor and the services JSON API. */
@org.jspecify.annotations.NullMarked
package org.yiwang.services.web;
