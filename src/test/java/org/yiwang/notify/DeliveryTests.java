package org.yiwang.notify;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yiwang.notify.OutboxMessage.Status;
import org.yiwang.notify.TestRecipients.RecordingSender;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yiwang.notify.TestRecipients.LI;
import static org.yiwang.notify.TestRecipients.WANG;
import static org.yiwang.notify.TestRecipients.ZHANG;

/**
 * SMS and e-mail through the outbox: nothing committed is lost when the process dies before or
 * during sending, nothing is sent twice by a healthy worker, failures are retried with growing
 * delays and finally kept as failed. The scheduled worker is off; each test runs the rounds.
 */
@NotifySpringTest
class DeliveryTests {

    @Autowired
    Notifications notifications;
    @Autowired
    Deliveries deliveries;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;
    @Autowired
    ApplicationContext context;
    @Autowired
    @Qualifier("testSmsSender")
    RecordingSender sms;
    @Autowired
    @Qualifier("testEmailSender")
    RecordingSender email;

    @BeforeEach
    void anEmptyOutboxAndQuietGateways() {
        jdbc.sql("DELETE FROM notify_outbox").update();
        sms.reset();
        email.reset();
    }

    @Test
    void aCommittedSmsIsSentExactlyOnceByTheWorkerThatStartsAfterACrash() {
        Notice dispatched = Notice.to(ZHANG, "notify.notice.announcement", "工单 WO-1 已派发给您")
                .withLink("/orders/1").via(Channel.INBOX, Channel.SMS).withDedupKey("workorder-dispatched:evt-1");
        notifications.notify(dispatched);
        // the process dies here: committed, never sent
        assertThat(message().status()).isEqualTo(Status.PENDING);
        assertThat(sms.sentTo(ZHANG)).isEmpty();

        Deliveries restarted = new Deliveries(jdbc, context.getBean(Templates.class), context.getBeanProvider(RecipientDirectory.class),
                context.getBeanProvider(NoticeSender.class), context.getBean(NotifyProperties.class), clock);
        assertThat(restarted.deliverDue(clock.instant())).isEqualTo(1);
        assertThat(restarted.deliverDue(clock.instant())).isZero();
        notifications.notify(dispatched); // the event is delivered again after the restart
        assertThat(restarted.deliverDue(clock.instant())).isZero();

        assertThat(sms.sentTo(ZHANG)).singleElement().satisfies(sent -> {
            assertThat(sent.address()).isEqualTo("13812345678");
            assertThat(sent.text()).isEqualTo("公告：工单 WO-1 已派发给您 https://yiwang.example.cn/orders/1");
        });
        OutboxMessage message = message();
        assertThat(message.status()).isEqualTo(Status.SENT);
        assertThat(message.attempts()).isEqualTo(1);
        assertThat(message.sentAt()).isNotNull();
        assertThat(notifications.unreadCount(ZHANG)).isPositive();
    }

    @Test
    void aWorkerThatDiesMidSendLeavesTheMessageToAnotherWhenTheLeaseEnds() {
        notifications.notify(Notice.to(LI, "notify.notice.announcement", "Road closed").via(Channel.SMS));
        Instant now = clock.instant();
        assertThat(deliveries.claim(now)).hasSize(1); // and then the worker dies

        assertThat(deliveries.deliverDue(now.plus(Duration.ofMinutes(4)))).as("still leased").isZero();
        assertThat(deliveries.deliverDue(now.plus(Duration.ofMinutes(5)).plusSeconds(1))).isEqualTo(1);

        assertThat(sms.sentTo(LI)).singleElement().satisfies(sent -> assertThat(sent.text()).isEqualTo("Announcement: Road closed"));
        assertThat(message().attempts()).isEqualTo(2);
        assertThat(message().status()).isEqualTo(Status.SENT);
    }

    @Test
    void failuresAreRetriedWithDoublingDelaysAndFinallyKeptAsFailed() {
        sms.failNext(100);
        notifications.notify(Notice.to(ZHANG, "notify.notice.announcement", "重试").via(Channel.SMS));
        Instant t = clock.instant();

        assertThat(deliveries.deliverDue(t)).isEqualTo(1);
        OutboxMessage first = message();
        assertThat(first.status()).isEqualTo(Status.PENDING);
        assertThat(first.attempts()).isEqualTo(1);
        assertThat(first.nextAttemptAt()).isEqualTo(micros(t.plusSeconds(30)));
        assertThat(first.lastError()).isEqualTo("IllegalStateException: gateway timeout for 138****5678");

        assertThat(deliveries.deliverDue(t.plusSeconds(29))).as("too early").isZero();
        assertThat(deliveries.deliverDue(t.plusSeconds(30))).isEqualTo(1);
        assertThat(message().nextAttemptAt()).isEqualTo(micros(t.plusSeconds(30 + 60)));
        assertThat(deliveries.deliverDue(t.plusSeconds(90))).isEqualTo(1);
        assertThat(message().nextAttemptAt()).isEqualTo(micros(t.plusSeconds(90 + 120)));
        assertThat(deliveries.deliverDue(t.plusSeconds(210))).isEqualTo(1);

        OutboxMessage failed = message();
        assertThat(failed.status()).isEqualTo(Status.FAILED);
        assertThat(failed.attempts()).isEqualTo(4);
        assertThat(deliveries.deliverDue(t.plus(Duration.ofDays(1)))).as("given up").isZero();
        assertThat(deliveries.outbox(Status.FAILED, 0, 50).items()).extracting(OutboxMessage::id).containsExactly(failed.id());
        assertThat(sms.sentTo(ZHANG)).isEmpty();

        sms.failNext(0);
        assertThat(deliveries.retry(failed.id())).isTrue();
        assertThat(deliveries.retry(failed.id())).as("already pending").isFalse();
        deliveries.deliverDue(clock.instant());
        assertThat(message().status()).isEqualTo(Status.SENT);
        assertThat(sms.sentTo(ZHANG)).hasSize(1);
    }

    @Test
    void aMessageTheGatewayRefusesFailsAtOnce() {
        sms.refuse(LI);
        notifications.notify(Notice.to(LI, "notify.notice.announcement", "x").via(Channel.SMS));

        deliveries.deliverDue(clock.instant());

        assertThat(message().status()).isEqualTo(Status.FAILED);
        assertThat(message().attempts()).isEqualTo(1);
        assertThat(message().lastError()).isEqualTo("the gateway refuses 139****4321");
    }

    @Test
    void recipientsWithoutAnAddressOrUnknownToTheDirectoryAreSkipped() {
        notifications.notify(Notice.to(java.util.List.of(WANG, 999L), "notify.notice.announcement", "x").via(Channel.SMS, Channel.EMAIL));

        assertThat(deliveries.deliverDue(clock.instant())).isEqualTo(4);

        Map<String, String> reasons = new java.util.TreeMap<>();
        for (OutboxMessage message : deliveries.outbox(null, 0, 50).items()) {
            assertThat(message.status()).isEqualTo(Status.SKIPPED);
            reasons.put(message.userId() + " " + message.channel(), message.lastError());
        }
        assertThat(reasons).containsExactlyEntriesOf(new java.util.TreeMap<>(Map.of(
                WANG + " SMS", "no phone number",
                WANG + " EMAIL", "no e-mail address",
                "999 SMS", "unknown or disabled user",
                "999 EMAIL", "unknown or disabled user")));
        assertThat(sms.sentTo(WANG)).isEmpty();
        assertThat(email.sentTo(WANG)).isEmpty();
    }

    @Test
    void eMailGoesThroughItsOwnSender() {
        notifications.notify(Notice.to(LI, "notify.notice.announcement", "Meeting at 9").via(Channel.EMAIL));

        deliveries.deliverDue(clock.instant());

        assertThat(email.sentTo(LI)).singleElement().satisfies(sent -> assertThat(sent.address()).isEqualTo("li@example.cn"));
        assertThat(sms.sentTo(LI)).isEmpty();
    }

    @Test
    void aLastAttemptThatNeverReportedBackEndsAsFailed() {
        notifications.notify(Notice.to(ZHANG, "notify.notice.announcement", "x").via(Channel.SMS));
        Instant now = clock.instant();
        jdbc.sql("UPDATE notify_outbox SET attempts = 4").update(); // the fourth worker died mid-send

        assertThat(deliveries.deliverDue(now)).isZero();

        assertThat(message().status()).isEqualTo(Status.FAILED);
        assertThat(message().lastError()).isEqualTo("the last attempt never finished");
        assertThat(sms.sentTo(ZHANG)).isEmpty();
    }

    @Test
    void oldDeliveredMessagesArePurgedButFailedOnesStay() {
        notifications.notify(Notice.to(java.util.List.of(ZHANG, LI), "notify.notice.announcement", "x").via(Channel.SMS));
        sms.refuse(LI);
        deliveries.deliverDue(clock.instant());

        assertThat(deliveries.purgeDelivered(clock.instant().plus(Duration.ofDays(29)))).isZero();
        assertThat(deliveries.purgeDelivered(clock.instant().plus(Duration.ofDays(31)))).isEqualTo(1);
        assertThat(deliveries.outbox(null, 0, 50).items()).singleElement()
                .satisfies(message -> assertThat(message.status()).isEqualTo(Status.FAILED));
    }

    /** The one message in the outbox. */
    private OutboxMessage message() {
        return deliveries.outbox(null, 0, 50).items().stream().reduce((a, b) -> {
            throw new AssertionError("more than one message in the outbox");
        }).orElseThrow();
    }

    private static Instant micros(Instant instant) {
        return OffsetDateTime.ofInstant(instant, java.time.ZoneOffset.UTC).toInstant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }
}
