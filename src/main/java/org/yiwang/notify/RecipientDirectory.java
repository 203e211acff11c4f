package org.yiwang.notify;

import java.util.Optional;

/**
 * Finds how to reach a user outside the platform (SPI). The people module implements it; without
 * an implementation, SMS and e-mail are not sent and notices reach the inbox only.
 */
public interface RecipientDirectory {

    /** The user's contact details, empty when there is no such (enabled) user. */
    Optional<Recipient> find(long userId);
}
