/** The registry's pages, JSON API and workbench figures. */
@org.jspecify.annotations.NullMarked
package org.yiwang.registry.web;
