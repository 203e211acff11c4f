package org.yiwang.intake;

import java.util.List;

/**
 * A page of the status feed.
 *
 * @param next the cursor to pass as {@code after} next time (the last entry's, or the one passed in when the page is empty)
 * @param more whether more entries were ready beyond this page
 */
public record FeedPage(List<FeedEntry> entries, String next, boolean more) {

    public FeedPage {
        entries = List.copyOf(entries);
    }
}
