/** Accounts and org units: the rules, commands and their storage. */
@org.jspecify.annotations.NullMarked
package org.yiwang.people.account;
