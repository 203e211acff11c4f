package org.yiwang.notify;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A recipient directory of fixed users and senders that record what they send (and fail on request),
 * standing in for the people module and the SMS and e-mail gateways.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestRecipients {

    /** 张三: phone and e-mail, reads Chinese. */
    public static final long ZHANG = 101;
    /** Li: phone and e-mail, reads English. */
    public static final long LI = 102;
    /** 王五: no phone, no e-mail. */
    public static final long WANG = 103;

    @Bean
    @Primary
    RecipientDirectory testRecipientDirectory() {
        Map<Long, Recipient> users = Map.of(
                ZHANG, new Recipient(ZHANG, "张三", "13812345678", "zhang@example.cn", Locale.SIMPLIFIED_CHINESE),
                LI, new Recipient(LI, "Li Lei", "13987654321", "li@example.cn", Locale.ENGLISH),
                WANG, new Recipient(WANG, "王五", null, null, null));
        return userId -> Optional.ofNullable(users.get(userId));
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    RecordingSender testSmsSender() {
        return new RecordingSender(Channel.SMS);
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    RecordingSender testEmailSender() {
        return new RecordingSender(Channel.EMAIL);
    }

    /** Remembers every message; fails the next {@link #failNext} sends, or refuses them for good. */
    public static class RecordingSender implements NoticeSender {

        public record Sent(long userId, String address, String text) {
        }

        private final Channel channel;
        private final List<Sent> sent = new CopyOnWriteArrayList<>();
        private final AtomicInteger failures = new AtomicInteger();
        private final Map<Long, Boolean> undeliverable = new ConcurrentHashMap<>();

        RecordingSender(Channel channel) {
            this.channel = channel;
        }

        @Override
        public Channel channel() {
            return channel;
        }

        @Override
        public void send(Recipient recipient, String renderedText) {
            if (undeliverable.containsKey(recipient.userId())) {
                throw new Undeliverable("the gateway refuses " + recipient.addressFor(channel));
            }
            if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new IllegalStateException("gateway timeout for " + recipient.addressFor(channel));
            }
            sent.add(new Sent(recipient.userId(), recipient.addressFor(channel), renderedText));
        }

        public void failNext(int times) {
            failures.set(times);
        }

        public void refuse(long userId) {
            undeliverable.put(userId, true);
        }

        public List<Sent> sentTo(long userId) {
            List<Sent> mine = new ArrayList<>();
            for (Sent one : sent) {
                if (one.userId() == userId) {
                    mine.add(one);
                }
            }
            return mine;
        }

        public void reset() {
            sent.clear();
            failures.set(0);
            undeliverable.clear();
        }
    }
}
