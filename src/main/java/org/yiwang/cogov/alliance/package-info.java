/** 党建联盟: a street's member units and their 为民服务实事项目 with progress and a public display. */
@org.jspecify.annotations.NullMarked
package org.yiwang.cogov.alliance;
