/** Spring Security set-up: accounts, API tokens, throttling and access revocation. */
@org.jspecify.annotations.NullMarked
package org.yiwang.people.security;
