/** Open311 administration screens: the API keys of outside clients. */
@org.jspecify.annotations.NullMarked
package org.yiwang.open311.web.admin;
