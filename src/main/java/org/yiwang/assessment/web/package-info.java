/** The assessment screens (考核评价, 考核方案, 月度通报) and its JSON API. */
@org.jspecify.annotations.NullMarked
package org.yiwang.assessment.web;
