package org.yiwang.platform;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Every text read from a JSON body, in any API: a NUL character is refused (PostgreSQL cannot store it in text,
 * and no form or phone sends it) and so is a text over {@link #MAX_TEXT} characters, each with a 400 naming the
 * field. Fields with their own, lower limits (a reporter's name, a note) check those where the command is taken.
 */
@Configuration(proxyBeanMethods = false)
class TextLimits {

    /** The longest text any JSON field may hold; the longest real one, a description, allows 4,000. */
    static final int MAX_TEXT = 100_000;

    @Bean
    JacksonModule textLimitsModule() {
        return new SimpleModule("yiwang-text-limits").addDeserializer(String.class, new CheckedText());
    }

    static final class CheckedText extends StringDeserializer {

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) {
            String text = super.deserialize(p, ctxt);
            if (text != null) {
                if (text.indexOf('\0') >= 0) {
                    throw LocalizedException.badRequest("error.nulCharacter", field(p));
                }
                if (text.length() > MAX_TEXT) {
                    throw LocalizedException.badRequest("error.textTooLong", field(p), MAX_TEXT);
                }
            }
            return text;
        }

        /** The field the text belongs to; for an element of a list, the list's field. */
        private static String field(JsonParser p) {
            for (TokenStreamContext context = p.streamReadContext(); context != null; context = context.getParent()) {
                if (context.currentName() != null) {
                    return context.currentName();
                }
            }
            return "body";
        }
    }
}
