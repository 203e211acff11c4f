package org.yiwang.notify;

import java.util.List;

/**
 * One page of a user's inbox: unread notices first, newest first. {@code page} counts from 0.
 *
 * @param total  notices matching the request (all, or unread only)
 * @param unread unread notices in the whole inbox
 */
public record InboxPage(List<InboxItem> items, int page, int size, long total, long unread) {

    public InboxPage {
        items = List.copyOf(items);
    }
}
