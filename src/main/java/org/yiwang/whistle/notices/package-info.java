/** Notices that 吹哨报到 (whistle) events send to the people concerned. */
@org.jspecify.annotations.NullMarked
package org.yiwang.whistle.notices;
