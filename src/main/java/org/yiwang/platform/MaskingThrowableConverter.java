package org.yiwang.platform;

import ch.qos.logback.classic.spi.IThrowableProxy;
import org.springframework.boot.logging.logback.ExtendedWhitespaceThrowableProxyConverter;

/**
 * Logback converter for {@code %wEx}: exception messages carry what failed — a rejected batch insert's
 * values, a parser's offending text — so stack traces pass the same personal-data mask as messages.
 */
public class MaskingThrowableConverter extends ExtendedWhitespaceThrowableProxyConverter {

    @Override
    protected String throwableProxyToString(IThrowableProxy proxy) {
        return PersonalData.maskText(super.throwableProxyToString(proxy));
    }
}
