package org.yiwang.notify;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Notices in the inbox: written with the caller's transaction, once per event and recipient, read in the reader's language. */
@NotifySpringTest
class NotificationsTests {

    @Autowired
    Notifications notifications;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void aNoticeReachesEveryRecipientAndReadsInTheirLanguage() {
        notifications.notify(Notice.to(List.of(1001L, 1002L), "notify.notice.announcement", "明日停水").withLink("/notices/7"));

        InboxItem chinese = notifications.inbox(1001, false, 0, 20, Locale.SIMPLIFIED_CHINESE).items().getFirst();
        assertThat(chinese.text()).isEqualTo("公告：明日停水");
        assertThat(chinese.link()).isEqualTo("/notices/7");
        assertThat(chinese.unread()).isTrue();
        assertThat(chinese.readAt()).isNull();
        assertThat(notifications.inbox(1001, false, 0, 20, Locale.ENGLISH).items().getFirst().text())
                .isEqualTo("Announcement: 明日停水");
        assertThat(notifications.inbox(1002, false, 0, 20, Locale.ENGLISH).items()).singleElement()
                .satisfies(item -> assertThat(item.args()).containsExactly("明日停水"));
    }

    @Test
    void aRedeliveredEventNotifiesEachRecipientOnlyOnce() {
        Notice notice = Notice.to(List.of(1011L, 1012L), "notify.notice.announcement", "工单已派发").withDedupKey("event-4711");
        notifications.notify(notice);
        notifications.notify(notice);
        notifications.notify(Notice.to(List.of(1012L, 1013L), "notify.notice.announcement", "工单已派发").withDedupKey("event-4711"));

        assertThat(notifications.unreadCount(1011)).isEqualTo(1);
        assertThat(notifications.unreadCount(1012)).isEqualTo(1);
        assertThat(notifications.unreadCount(1013)).isEqualTo(1);
    }

    @Test
    void withoutADedupKeyEveryNoticeCounts() {
        notifications.notify(Notice.to(1021, "notify.notice.announcement", "一"));
        notifications.notify(Notice.to(1021, "notify.notice.announcement", "一"));

        assertThat(notifications.unreadCount(1021)).isEqualTo(2);
    }

    @Test
    void aNoticeInARolledBackTransactionIsNeitherShownNorSent() {
        transactions.executeWithoutResult(status -> {
            notifications.notify(Notice.to(TestRecipients.ZHANG, "notify.notice.announcement", "回滚")
                    .via(Channel.INBOX, Channel.SMS).withDedupKey("rolled-back"));
            status.setRollbackOnly();
        });

        assertThat(jdbc.sql("SELECT count(*) FROM notify_inbox WHERE dedup_key = 'rolled-back'").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM notify_outbox WHERE dedup_key = 'rolled-back'").query(Long.class).single()).isZero();
    }

    @Test
    void aTemplateKeyNoBundleKnowsIsRefused() {
        assertThatThrownBy(() -> notifications.notify(Notice.to(1031, "notify.notice.typo")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("notify.notice.typo");
        assertThat(notifications.unreadCount(1031)).isZero();
    }

    @Test
    void unreadNoticesComeFirstThenTheNewest() {
        notifications.notify(Notice.to(1041, "notify.notice.announcement", "1"));
        notifications.notify(Notice.to(1041, "notify.notice.announcement", "2"));
        notifications.notify(Notice.to(1041, "notify.notice.announcement", "3"));
        long oldest = notifications.inbox(1041, false, 0, 20, Locale.ENGLISH).items().getLast().id();
        long newest = notifications.inbox(1041, false, 0, 20, Locale.ENGLISH).items().getFirst().id();
        assertThat(notifications.markRead(1041, newest)).isTrue();

        InboxPage page = notifications.inbox(1041, false, 0, 20, Locale.ENGLISH);

        assertThat(page.items()).extracting(InboxItem::text)
                .containsExactly("Announcement: 2", "Announcement: 1", "Announcement: 3");
        assertThat(page.total()).isEqualTo(3);
        assertThat(page.unread()).isEqualTo(2);
        assertThat(notifications.inbox(1041, true, 0, 20, Locale.ENGLISH).items()).extracting(InboxItem::id)
                .doesNotContain(newest).contains(oldest);
        assertThat(notifications.inbox(1041, false, 1, 2, Locale.ENGLISH).items()).extracting(InboxItem::id).containsExactly(newest);
    }

    @Test
    void nobodyMarksAnotherUsersNotice() {
        notifications.notify(Notice.to(1051, "notify.notice.announcement", "私信"));
        long id = notifications.inbox(1051, false, 0, 1, Locale.ENGLISH).items().getFirst().id();

        assertThat(notifications.markRead(1052, id)).isFalse();
        assertThat(notifications.unreadCount(1051)).isEqualTo(1);
        assertThat(notifications.markRead(1051, id)).isTrue();
        assertThat(notifications.markRead(1051, id)).as("again").isTrue();
        assertThat(notifications.unreadCount(1051)).isZero();
    }

    @Test
    void markingAllReadCountsWhatWasUnread() {
        notifications.notify(Notice.to(1061, "notify.notice.announcement", "a"));
        notifications.notify(Notice.to(1061, "notify.notice.announcement", "b"));

        assertThat(notifications.markAllRead(1061)).isEqualTo(2);
        assertThat(notifications.markAllRead(1061)).isZero();
        assertThat(notifications.inbox(1061, false, 0, 20, Locale.ENGLISH).items())
                .allSatisfy(item -> assertThat(item.readAt()).isNotNull());
    }

    @Test
    void theInboxIsReadThroughItsIndexes() {
        for (String query : new String[]{
                "SELECT id FROM notify_inbox WHERE user_id = 1 ORDER BY (read_at IS NULL) DESC, created_at DESC, id DESC LIMIT 20",
                "SELECT id FROM notify_inbox WHERE user_id = 1 AND read_at IS NULL ORDER BY created_at DESC, id DESC LIMIT 20",
                "SELECT count(*) FROM notify_inbox WHERE user_id = 1 AND read_at IS NULL"}) {
            assertThat(plan(query)).as(query).containsAnyOf("notify_inbox_mine", "notify_inbox_unread").doesNotContain("Sort");
        }
        assertThat(plan("""
                SELECT id FROM notify_outbox WHERE status = 'PENDING' AND next_attempt_at <= now() AND attempts < 8
                ORDER BY next_attempt_at, id LIMIT 100""")).contains("notify_outbox_due");
    }

    private String plan(String query) {
        return transactions.execute(status -> {
            jdbc.sql("SET LOCAL enable_seqscan = off").update();
            jdbc.sql("SET LOCAL enable_bitmapscan = off").update();
            return String.join("\n", jdbc.sql("EXPLAIN " + query).query(String.class).list());
        });
    }
}
