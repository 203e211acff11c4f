/**
 * Notifications own the in-app inbox of every user and the durable outbox through which SMS and
 * e-mail are sent, with retries, to recipients that another module's {@link org.yiwang.notify.RecipientDirectory} knows.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "Notifications", allowedDependencies = {"platform"})
package org.yiwang.notify;
