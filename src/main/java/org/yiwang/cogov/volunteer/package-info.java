/** 志愿者 and 红色服务队: the volunteer register, activities with sign-up and sign-in, service hours and points. */
@org.jspecify.annotations.NullMarked
package org.yiwang.cogov.volunteer;
