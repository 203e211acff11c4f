package org.yiwang.notify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A notice to some users: a message key with its arguments, rendered in each recipient's language
 * when they read it (or when it is sent), an optional link into the platform, the channels, and an
 * optional key that makes sending it again a no-op.
 *
 * <pre>{@code
 * notifications.notify(Notice.to(handlerIds, "workorder.notice.dispatched", order.number())
 *         .withLink("/orders/" + order.id())
 *         .via(Channel.INBOX, Channel.SMS)
 *         .withDedupKey("workorder-dispatched:" + event.id()));
 * }</pre>
 *
 * @param recipientUserIds who receives it: 1 to 10,000 user ids
 * @param templateKey      a message key of a bundle on {@code spring.messages.basename}; {0}, {1}… take the args
 * @param args             the arguments, as text (at most 20, 2,000 characters each)
 * @param link             a path inside the platform starting with {@code /}, or null
 * @param channels         where it goes; the inbox alone when empty
 * @param dedupKey         the source event's identity, e.g. {@code "sla-breached:" + eventId}: a second
 *                         notice with the same key to the same recipient is dropped; null to always deliver
 */
public record Notice(Set<Long> recipientUserIds, String templateKey, List<String> args, String link,
                     Set<Channel> channels, String dedupKey) {

    static final int MAX_RECIPIENTS = 10_000;
    static final int MAX_ARGS = 20;
    static final int MAX_ARG_LENGTH = 2_000;

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,199}");
    private static final Pattern LINK = Pattern.compile("/(?![/\\\\])[^\\s<>\"]{0,499}");
    private static final Pattern DEDUP = Pattern.compile("\\S.{0,199}");

    public Notice {
        if (recipientUserIds == null || recipientUserIds.isEmpty() || recipientUserIds.size() > MAX_RECIPIENTS) {
            throw new IllegalArgumentException("a notice needs 1 to " + MAX_RECIPIENTS + " recipients");
        }
        for (Long id : recipientUserIds) {
            if (id == null || id <= 0) {
                throw new IllegalArgumentException("recipient user ids must be positive: " + id);
            }
        }
        recipientUserIds = Set.copyOf(recipientUserIds);
        if (templateKey == null || !KEY.matcher(templateKey).matches()) {
            throw new IllegalArgumentException("templateKey must be a message key: " + templateKey);
        }
        args = args == null ? List.of() : List.copyOf(args); // List.copyOf refuses null elements
        if (args.size() > MAX_ARGS) {
            throw new IllegalArgumentException("at most " + MAX_ARGS + " args");
        }
        for (String arg : args) {
            if (arg.length() > MAX_ARG_LENGTH) {
                throw new IllegalArgumentException("an arg is longer than " + MAX_ARG_LENGTH + " characters");
            }
        }
        if (link != null && !LINK.matcher(link).matches()) {
            throw new IllegalArgumentException("link must be a path inside the platform, starting with a single /: " + link);
        }
        channels = channels == null || channels.isEmpty() ? Set.of(Channel.INBOX) : Set.copyOf(EnumSet.copyOf(channels));
        if (dedupKey != null && !DEDUP.matcher(dedupKey).matches()) {
            throw new IllegalArgumentException("dedupKey must be 1 to 200 characters without line breaks, not starting blank");
        }
    }

    /** A notice to one user, for the inbox; {@code args} are turned into text with {@code String.valueOf}. */
    public static Notice to(long recipientUserId, String templateKey, Object... args) {
        return to(List.of(recipientUserId), templateKey, args);
    }

    /** A notice to these users, for the inbox; {@code args} are turned into text with {@code String.valueOf}. */
    public static Notice to(Collection<Long> recipientUserIds, String templateKey, Object... args) {
        List<String> text = new ArrayList<>(args.length);
        for (Object arg : args) {
            text.add(String.valueOf(arg));
        }
        return new Notice(recipientUserIds == null ? null : new LinkedHashSet<>(recipientUserIds), templateKey, text,
                null, Set.of(), null);
    }

    public Notice withLink(String link) {
        return new Notice(recipientUserIds, templateKey, args, link, channels, dedupKey);
    }

    /** The same notice over exactly these channels. */
    public Notice via(Channel... channels) {
        return new Notice(recipientUserIds, templateKey, args, link, new LinkedHashSet<>(Arrays.asList(channels)), dedupKey);
    }

    public Notice withDedupKey(String dedupKey) {
        return new Notice(recipientUserIds, templateKey, args, link, channels, dedupKey);
    }
}
