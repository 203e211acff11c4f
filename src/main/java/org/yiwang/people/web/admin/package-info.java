/** People administration screens: users, org units, personal-data access. */
@org.jspecify.annotations.NullMarked
package org.yiwang.people.web.admin;
