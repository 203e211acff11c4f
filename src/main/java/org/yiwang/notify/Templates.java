package org.yiwang.notify;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Locale;

/** Notices are stored as message key and arguments, and rendered in the reader's language. */
@Component
class Templates {

    private static final Logger log = LoggerFactory.getLogger(Templates.class);

    private final MessageSource messages;

    Templates(MessageSource messages) {
        this.messages = messages;
    }

    /** Refuses a key that no bundle knows: a typo would otherwise reach users as a bare key. */
    void requireKnown(String key) {
        try {
            messages.getMessage(key, null, Locale.ENGLISH);
        } catch (NoSuchMessageException e) {
            throw new IllegalArgumentException("no message bundle on spring.messages.basename has the key " + key);
        }
    }

    String render(String key, List<String> args, Locale locale) {
        try {
            return messages.getMessage(key, args.toArray(), locale);
        } catch (NoSuchMessageException | IllegalArgumentException e) {
            log.warn("Cannot render notice {} in {}: {}", key, locale, e.getMessage());
            return args.isEmpty() ? key : key + " " + String.join(" · ", args);
        }
    }
}
