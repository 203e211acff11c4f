package org.yiwang.notify;

import java.util.List;

/** One page of outbox messages, newest first. {@code page} counts from 0. */
public record OutboxPage(List<OutboxMessage> items, int page, int size, long total) {

    public OutboxPage {
        items = List.copyOf(items);
    }
}
