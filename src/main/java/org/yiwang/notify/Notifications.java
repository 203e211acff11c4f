package org.yiwang.notify;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * Tells users about things: {@link #notify} puts a notice in each recipient's inbox and queues its
 * SMS and e-mails in the outbox, all in the caller's transaction (or its own). Meant to be called
 * from {@code @ApplicationModuleListener}s and work-order journal followers, which run after the source transaction committed and
 * may run again for the same event: give such notices a {@link Notice#dedupKey()}.
 *
 * <p>The inbox side: a user's notices, rendered in the reader's language, marked read one by one
 * or all at once. Every inbox method takes the owner's user id; nobody sees another's notices.
 */
@Service
public class Notifications {

    static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String INBOX_COLUMNS = "SELECT id, template_key, args::text AS args, link, created_at, read_at FROM notify_inbox";
    private static final Logger log = LoggerFactory.getLogger(Notifications.class);

    private final JdbcClient jdbc;
    private final Templates templates;
    private final ObjectProvider<RecipientDirectory> directory;
    private final Clock clock;

    Notifications(JdbcClient jdbc, Templates templates, ObjectProvider<RecipientDirectory> directory, Clock clock) {
        this.jdbc = jdbc;
        this.templates = templates;
        this.directory = directory;
        this.clock = clock;
    }

    /**
     * Delivers {@code notice} to its inbox recipients and queues its outbound messages; a recipient
     * who already has a notice with the same dedup key gets nothing new. SMS and e-mail are queued
     * only when a {@link RecipientDirectory} exists to find their addresses.
     *
     * @throws IllegalArgumentException when no message bundle has the notice's template key
     */
    @Transactional
    public void notify(Notice notice) {
        templates.requireKnown(notice.templateKey());
        Instant now = clock.instant();
        Long[] users = notice.recipientUserIds().stream().sorted().toArray(Long[]::new);
        String args = JSON.writeValueAsString(notice.args());
        if (notice.channels().contains(Channel.INBOX)) {
            jdbc.sql("""
                            INSERT INTO notify_inbox (user_id, template_key, args, link, created_at, dedup_key)
                            SELECT u, :key, CAST(:args AS jsonb), :link, :now, :dedup FROM unnest(CAST(:users AS bigint[])) AS u
                            ON CONFLICT ON CONSTRAINT notify_inbox_once DO NOTHING""")
                    .param("key", notice.templateKey())
                    .param("args", args)
                    .param("link", notice.link())
                    .param("now", at(now))
                    .param("dedup", notice.dedupKey())
                    .param("users", users)
                    .update();
        }
        String[] outbound = notice.channels().stream().filter(Channel::isOutbound).map(Channel::name).sorted()
                .toArray(String[]::new);
        if (outbound.length > 0) {
            if (directory.getIfAvailable() == null) {
                log.debug("No RecipientDirectory: {} not sent for {}", String.join(", ", outbound), notice.templateKey());
            } else {
                jdbc.sql("""
                                INSERT INTO notify_outbox (user_id, channel, template_key, args, link, dedup_key, next_attempt_at, created_at)
                                SELECT u, c, :key, CAST(:args AS jsonb), :link, :dedup, :now, :now
                                FROM unnest(CAST(:users AS bigint[])) AS u CROSS JOIN unnest(CAST(:channels AS text[])) AS c
                                ON CONFLICT ON CONSTRAINT notify_outbox_once DO NOTHING""")
                        .param("key", notice.templateKey())
                        .param("args", args)
                        .param("link", notice.link())
                        .param("dedup", notice.dedupKey())
                        .param("now", at(now))
                        .param("users", users)
                        .param("channels", outbound)
                        .update();
            }
        }
    }

    /**
     * A page of {@code userId}'s inbox rendered in {@code locale}: unread first, newest first.
     *
     * @param unreadOnly only notices not yet read
     * @param page       from 0
     * @param size       1 to 100
     */
    @Transactional(readOnly = true)
    public InboxPage inbox(long userId, boolean unreadOnly, int page, int size, Locale locale) {
        if (page < 0 || size < 1 || size > 100) {
            throw new IllegalArgumentException("page must be >= 0 and size 1 to 100");
        }
        String sql = unreadOnly
                ? INBOX_COLUMNS + " WHERE user_id = :user AND read_at IS NULL ORDER BY created_at DESC, id DESC"
                : INBOX_COLUMNS + " WHERE user_id = :user ORDER BY (read_at IS NULL) DESC, created_at DESC, id DESC";
        List<InboxItem> items = jdbc.sql(sql + " LIMIT :size OFFSET :offset")
                .param("user", userId)
                .param("size", size)
                .param("offset", (long) page * size)
                .query((rs, row) -> item(rs, locale))
                .list();
        long unread = unreadCount(userId);
        long total = unreadOnly ? unread
                : jdbc.sql("SELECT count(*) FROM notify_inbox WHERE user_id = :user").param("user", userId).query(Long.class).single();
        return new InboxPage(items, page, size, total, unread);
    }

    public long unreadCount(long userId) {
        return jdbc.sql("SELECT count(*) FROM notify_inbox WHERE user_id = :user AND read_at IS NULL")
                .param("user", userId).query(Long.class).single();
    }

    /**
     * Marks one of {@code userId}'s notices read; marking it again changes nothing.
     *
     * @return false when {@code userId} has no such notice
     */
    @Transactional
    public boolean markRead(long userId, long noticeId) {
        int changed = jdbc.sql("UPDATE notify_inbox SET read_at = :now WHERE id = :id AND user_id = :user AND read_at IS NULL")
                .param("now", at(clock.instant()))
                .param("id", noticeId)
                .param("user", userId)
                .update();
        return changed > 0 || jdbc.sql("SELECT count(*) FROM notify_inbox WHERE id = :id AND user_id = :user")
                .param("id", noticeId).param("user", userId).query(Long.class).single() > 0;
    }

    /** Where {@code userId}'s notice points (a path of this site), if it is theirs and has a link. */
    @Transactional(readOnly = true)
    public java.util.Optional<String> link(long userId, long noticeId) {
        return jdbc.sql("SELECT link FROM notify_inbox WHERE id = :id AND user_id = :user AND link IS NOT NULL")
                .param("id", noticeId).param("user", userId).query(String.class).optional();
    }

    /** Marks all of {@code userId}'s unread notices read and says how many there were. */
    @Transactional
    public int markAllRead(long userId) {
        return jdbc.sql("UPDATE notify_inbox SET read_at = :now WHERE user_id = :user AND read_at IS NULL")
                .param("now", at(clock.instant()))
                .param("user", userId)
                .update();
    }

    private InboxItem item(ResultSet rs, Locale locale) throws SQLException {
        List<String> args = JSON.readValue(rs.getString("args"), STRINGS);
        String key = rs.getString("template_key");
        Instant readAt = instant(rs, "read_at");
        return new InboxItem(rs.getLong("id"), templates.render(key, args, locale), key, args, rs.getString("link"),
                instant(rs, "created_at"), readAt, readAt == null);
    }

    /** PostgreSQL keeps microseconds and would round the rest. */
    static OffsetDateTime at(Instant instant) {
        return OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
