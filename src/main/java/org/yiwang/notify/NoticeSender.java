package org.yiwang.notify;

/**
 * Sends rendered notices over one outbound channel (SPI), e.g. through an SMS gateway. Without a
 * bean for a channel, messages for it are written to the log (masked) and counted as sent.
 *
 * <p>Called by the outbox worker, outside any transaction, at least once per message: a worker that
 * dies after the gateway accepted a message but before recording it sends it again after the lease.
 * When several beans serve one channel, the first in {@link org.springframework.core.annotation.Order} wins.
 */
public interface NoticeSender {

    Channel channel();

    /**
     * Sends {@code renderedText} to {@code recipient}'s address for {@link #channel()}, which is
     * never null here. Any exception means "try again later", except {@link Undeliverable}.
     */
    void send(Recipient recipient, String renderedText);

    /** This message can never be delivered (e.g. the gateway refuses the number): do not retry it. */
    class Undeliverable extends RuntimeException {
        public Undeliverable(String message) {
            super(message);
        }
    }
}
