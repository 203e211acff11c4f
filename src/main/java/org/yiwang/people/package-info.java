/**
 * Owns org units (division offices and departments), users with their roles, passwords, personal
 * data and API tokens, and how people sign in: the security filter chains, sessions and throttling.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "People", allowedDependencies = {"platform", "geo", "notify"})
package org.yiwang.people;
