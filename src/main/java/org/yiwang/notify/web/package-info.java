/** JSON API of notifications: the signed-in user's inbox, and the outbox for administrators. */
@org.jspecify.annotations.NullMarked
package org.yiwang.notify.web;
