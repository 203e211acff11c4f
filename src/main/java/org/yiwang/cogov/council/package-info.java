/** 议事会 / 零距离家园理事会: councils, members, topics, discussion, votes, resolutions that become orders, minutes. */
@org.jspecify.annotations.NullMarked
package org.yiwang.cogov.council;
