package org.yiwang.notify;

import java.time.Instant;
import java.util.List;

/**
 * A notice in a user's inbox, rendered in the reader's language.
 *
 * @param text   the message, rendered from {@code templateKey} and {@code args}
 * @param link   where the notice points inside the platform, or null
 * @param readAt when the user marked it read, null while unread
 */
public record InboxItem(long id, String text, String templateKey, List<String> args, String link, Instant createdAt,
                        Instant readAt, boolean unread) {
}
