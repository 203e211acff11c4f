/** The demo users and org units loaded into a fresh demo database. */
@org.jspecify.annotations.NullMarked
package org.yiwang.people.demo;
