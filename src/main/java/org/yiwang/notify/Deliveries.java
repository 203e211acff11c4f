package org.yiwang.notify;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yiwang.notify.OutboxMessage.Status;
import org.yiwang.platform.PersonalData;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.yiwang.notify.Notifications.JSON;
import static org.yiwang.notify.Notifications.STRINGS;
import static org.yiwang.notify.Notifications.at;
import static org.yiwang.notify.Notifications.instant;

/**
 * The outbox worker and its window for administrators. A round claims due messages by pushing their
 * next attempt a lease into the future (rows locked by another node are skipped), then sends each
 * one outside any transaction and records the outcome: sent; failed, to be retried after a delay
 * that doubles each time; or, after the last attempt, {@code FAILED} for good — kept, with its
 * error, until an administrator retries it. A worker that dies mid-round leaves its messages to be
 * claimed again when the lease runs out.
 */
@Component
public class Deliveries {

    private static final Logger log = LoggerFactory.getLogger(Deliveries.class);
    private static final int MAX_ERROR_LENGTH = 500;
    private static final String OUTBOX_COLUMNS = "SELECT id, user_id, channel, template_key, args::text AS args, status,"
            + " attempts, next_attempt_at, last_error, created_at, sent_at FROM notify_outbox";

    private final JdbcClient jdbc;
    private final Templates templates;
    private final ObjectProvider<RecipientDirectory> directory;
    private final ObjectProvider<NoticeSender> senderBeans;
    private final NotifyProperties properties;
    private final Clock clock;
    private volatile Map<Channel, NoticeSender> senders;

    Deliveries(JdbcClient jdbc, Templates templates, ObjectProvider<RecipientDirectory> directory,
               ObjectProvider<NoticeSender> senderBeans, NotifyProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.templates = templates;
        this.directory = directory;
        this.senderBeans = senderBeans;
        this.properties = properties;
        this.clock = clock;
    }

    /** One round now: sends everything due. */
    public int deliverDue() {
        return deliverDue(clock.instant());
    }

    /** One round as of {@code now}. @return messages attempted */
    int deliverDue(Instant now) {
        giveUpAbandoned(now);
        int attempted = 0;
        while (true) {
            List<Claim> claims = claim(now);
            for (Claim claim : claims) {
                deliver(claim, now);
            }
            attempted += claims.size();
            if (claims.size() < properties.batchSize()) {
                return attempted;
            }
        }
    }

    /** Claims up to a batch of due messages for this worker: nobody else takes them until the lease ends. */
    List<Claim> claim(Instant now) {
        return jdbc.sql("""
                        UPDATE notify_outbox SET next_attempt_at = :leaseEnd, attempts = attempts + 1
                        WHERE id IN (SELECT id FROM notify_outbox
                                     WHERE status = 'PENDING' AND next_attempt_at <= :now AND attempts < :max
                                     ORDER BY next_attempt_at, id LIMIT :batch FOR UPDATE SKIP LOCKED)
                        RETURNING id, user_id, channel, template_key, args::text AS args, link, attempts""")
                .param("leaseEnd", at(now.plus(properties.lease())))
                .param("now", at(now))
                .param("max", properties.maxAttempts())
                .param("batch", properties.batchSize())
                .query((rs, row) -> new Claim(rs.getLong("id"), rs.getLong("user_id"), Channel.valueOf(rs.getString("channel")),
                        rs.getString("template_key"), JSON.readValue(rs.getString("args"), STRINGS), rs.getString("link"),
                        rs.getInt("attempts")))
                .list()
                .stream()
                .sorted(Comparator.comparingLong(Claim::id))
                .toList();
    }

    private void deliver(Claim claim, Instant now) {
        RecipientDirectory recipients = directory.getIfAvailable();
        if (recipients == null) {
            finish(claim, Status.SKIPPED, now, "no recipient directory");
            return;
        }
        Optional<Recipient> recipient;
        try {
            recipient = recipients.find(claim.userId());
        } catch (RuntimeException e) {
            failed(claim, now, "recipient lookup failed: " + e.getMessage(), false);
            return;
        }
        if (recipient.isEmpty()) {
            finish(claim, Status.SKIPPED, now, "unknown or disabled user");
            return;
        }
        if (recipient.get().addressFor(claim.channel()) == null) {
            finish(claim, Status.SKIPPED, now, claim.channel() == Channel.SMS ? "no phone number" : "no e-mail address");
            return;
        }
        String text = templates.render(claim.templateKey(), claim.args(), recipient.get().locale());
        if (claim.link() != null && properties.baseUrl() != null) {
            text = text + " " + properties.baseUrl() + claim.link();
        }
        try {
            sender(claim.channel()).send(recipient.get(), text);
            finish(claim, Status.SENT, now, null);
        } catch (NoticeSender.Undeliverable e) {
            failed(claim, now, e.getMessage(), true);
        } catch (RuntimeException e) {
            failed(claim, now, e.getClass().getSimpleName() + ": " + e.getMessage(), false);
        }
    }

    private void failed(Claim claim, Instant now, String error, boolean permanent) {
        if (permanent || claim.attempts() >= properties.maxAttempts()) {
            log.warn("Giving up {} message {} to user {} after {} attempt(s): {}", claim.channel(), claim.id(), claim.userId(),
                    claim.attempts(), error);
            finish(claim, Status.FAILED, now, error);
            return;
        }
        Instant next = now.plus(properties.backoff(claim.attempts()));
        log.info("{} message {} to user {} failed (attempt {}), retrying at {}: {}", claim.channel(), claim.id(), claim.userId(),
                claim.attempts(), next, error);
        jdbc.sql("""
                        UPDATE notify_outbox SET next_attempt_at = :next, last_error = :error
                        WHERE id = :id AND status = 'PENDING' AND attempts = :attempts""")
                .param("next", at(next))
                .param("error", clean(error))
                .param("id", claim.id())
                .param("attempts", claim.attempts())
                .update();
    }

    /** Records the outcome, unless the lease ran out and another worker has claimed the message since. */
    private void finish(Claim claim, Status status, Instant now, String error) {
        jdbc.sql("""
                        UPDATE notify_outbox SET status = :status, last_error = :error,
                               sent_at = CASE WHEN :status = 'SENT' THEN CAST(:now AS timestamptz) END
                        WHERE id = :id AND status = 'PENDING' AND attempts = :attempts""")
                .param("status", status.name())
                .param("error", clean(error))
                .param("now", at(now))
                .param("id", claim.id())
                .param("attempts", claim.attempts())
                .update();
    }

    /** A message whose last attempt never reported back (its worker died) fails instead of waiting forever. */
    private void giveUpAbandoned(Instant now) {
        int abandoned = jdbc.sql("""
                        UPDATE notify_outbox
                        SET status = 'FAILED', last_error = concat_ws(' / ', last_error, 'the last attempt never finished')
                        WHERE status = 'PENDING' AND next_attempt_at <= :now AND attempts >= :max""")
                .param("now", at(now))
                .param("max", properties.maxAttempts())
                .update();
        if (abandoned > 0) {
            log.warn("{} outbound message(s) failed: their last attempt never finished", abandoned);
        }
    }

    /** Deletes sent and skipped messages older than {@code yiwang.notify.keep-delivered}; failed ones stay. */
    int purgeDelivered() {
        return purgeDelivered(clock.instant());
    }

    int purgeDelivered(Instant now) {
        return jdbc.sql("DELETE FROM notify_outbox WHERE status IN ('SENT', 'SKIPPED') AND created_at < :cutoff")
                .param("cutoff", at(now.minus(properties.keepDelivered())))
                .update();
    }

    /**
     * Messages in the outbox, newest first.
     *
     * @param status only those in this state; all when null
     * @param page   from 0
     * @param size   1 to 200
     */
    public OutboxPage outbox(Status status, int page, int size) {
        if (page < 0 || size < 1 || size > 200) {
            throw new IllegalArgumentException("page must be >= 0 and size 1 to 200");
        }
        String where = status == null ? "" : " WHERE status = :status";
        List<OutboxMessage> items = jdbc.sql(OUTBOX_COLUMNS + where + " ORDER BY id DESC LIMIT :size OFFSET :offset")
                .params(status == null ? Map.of("size", size, "offset", (long) page * size)
                        : Map.of("status", status.name(), "size", size, "offset", (long) page * size))
                .query((rs, row) -> message(rs))
                .list();
        long total = jdbc.sql("SELECT count(*) FROM notify_outbox" + where)
                .params(status == null ? Map.<String, Object>of() : Map.of("status", status.name()))
                .query(Long.class).single();
        return new OutboxPage(items, page, size, total);
    }

    /**
     * Gives a failed or skipped message a fresh set of attempts, starting now.
     *
     * @return false when there is no such message or it is not failed or skipped
     */
    public boolean retry(long messageId) {
        return jdbc.sql("""
                        UPDATE notify_outbox SET status = 'PENDING', attempts = 0, next_attempt_at = :now
                        WHERE id = :id AND status IN ('FAILED', 'SKIPPED')""")
                .param("now", at(clock.instant()))
                .param("id", messageId)
                .update() > 0;
    }

    private NoticeSender sender(Channel channel) {
        Map<Channel, NoticeSender> known = senders;
        if (known == null) {
            Map<Channel, NoticeSender> found = new EnumMap<>(Channel.class);
            senderBeans.orderedStream().forEach(sender -> found.putIfAbsent(sender.channel(), sender));
            for (Channel outbound : Channel.values()) {
                if (outbound.isOutbound() && !found.containsKey(outbound)) {
                    found.put(outbound, new LoggingNoticeSender(outbound));
                }
            }
            known = senders = found;
        }
        return known.get(channel);
    }

    private static OutboxMessage message(ResultSet rs) throws SQLException {
        List<String> args = JSON.readValue(rs.getString("args"), STRINGS).stream().map(PersonalData::maskText).toList();
        return new OutboxMessage(rs.getLong("id"), rs.getLong("user_id"), Channel.valueOf(rs.getString("channel")),
                rs.getString("template_key"), args, Status.valueOf(rs.getString("status")), rs.getInt("attempts"),
                instant(rs, "next_attempt_at"), rs.getString("last_error"), instant(rs, "created_at"), instant(rs, "sent_at"));
    }

    private static String clean(String error) {
        if (error == null) {
            return null;
        }
        String masked = PersonalData.maskText(error);
        return masked.length() <= MAX_ERROR_LENGTH ? masked : masked.substring(0, MAX_ERROR_LENGTH) + "…";
    }

    record Claim(long id, long userId, Channel channel, String templateKey, List<String> args, String link, int attempts) {
    }
}
