package org.yiwang.notify;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yiwang.platform.PersonalData;

/** Stands in for a channel that has no real sender: writes the message to the log, masked. */
final class LoggingNoticeSender implements NoticeSender {

    private static final Logger log = LoggerFactory.getLogger(LoggingNoticeSender.class);

    private final Channel channel;

    LoggingNoticeSender(Channel channel) {
        this.channel = channel;
    }

    @Override
    public Channel channel() {
        return channel;
    }

    @Override
    public void send(Recipient recipient, String renderedText) {
        log.info("{} to user {} at {}: {}", channel, recipient.userId(), Recipient.masked(recipient.addressFor(channel)),
                PersonalData.maskText(renderedText));
    }
}
