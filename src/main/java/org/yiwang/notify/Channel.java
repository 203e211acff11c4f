package org.yiwang.notify;

/** Where a notice goes. */
public enum Channel {
    /** The in-app inbox (站内信), read on the platform's pages and through the API. */
    INBOX,
    /** A text message to the recipient's mobile phone. */
    SMS,
    /** An e-mail to the recipient's address. */
    EMAIL;

    /** Whether this channel leaves the platform, through the outbox and a {@link NoticeSender}. */
    public boolean isOutbound() {
        return this != INBOX;
    }
}
