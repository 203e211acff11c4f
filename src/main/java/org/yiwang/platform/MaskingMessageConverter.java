package org.yiwang.platform;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/** Logback converter for {@code %m}/{@code %msg}: no phone or ID number reaches a log file unmasked. */
public class MaskingMessageConverter extends MessageConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return PersonalData.maskText(super.convert(event));
    }
}
