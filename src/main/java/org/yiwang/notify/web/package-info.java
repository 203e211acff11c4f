/** JSON API of notifications: the signed-in user's inbox, and the outbox for administrators. */
package org.yiwang.notify.web;
