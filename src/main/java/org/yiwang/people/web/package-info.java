/** Sign-in, the current user and the people JSON API (users, org units). */
@org.jspecify.annotations.NullMarked
package org.yiwang.people.web;
