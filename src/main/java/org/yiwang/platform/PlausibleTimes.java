package org.yiwang.platform;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.Set;

/**
 * Every date and time in a JSON body must lie between {@link #FIRST_YEAR} and {@link #LAST_YEAR}: a
 * time such as {@code +99999-01-01T00:00:00Z} parses as an {@link Instant}, was stored, and then broke
 * every calendar computation of the order that held it (the outside probe's "poison order"). Refused
 * at the edge — request bodies read by the HTTP message converter, which marks its readers — it becomes a
 * 400 naming the field instead. JSON the platform reads back from its own tables (the work-order journal)
 * is not checked: a value already stored must still be followed, not parked.
 */
@Configuration(proxyBeanMethods = false)
public class PlausibleTimes {

    public static final int FIRST_YEAR = 1900;
    public static final int LAST_YEAR = 2199;

    private static final Set<Class<?>> CHECKED = Set.of(Instant.class, OffsetDateTime.class, ZonedDateTime.class,
            LocalDate.class, LocalDateTime.class);

    /** The reader attribute that marks a request body. */
    static final String EDGE = "yiwang.requestBody";

    /**
     * The server's JSON converter, in its usual place among the converters, with its readers marked as
     * reading request bodies. (A converter bean would be put ahead of the byte-array and string
     * converters and turn {@code byte[]} answers into base64 strings.)
     */
    @Bean
    @org.springframework.core.annotation.Order(org.springframework.core.Ordered.LOWEST_PRECEDENCE)
    ServerHttpMessageConvertersCustomizer requestBodyMarkingJsonConverter(JsonMapper mapper) {
        return builder -> builder.withJsonConverter(new JacksonJsonHttpMessageConverter(mapper) {
            @Override
            protected ObjectReader customizeReader(ObjectReader reader, JavaType type) {
                return super.customizeReader(reader, type).withAttribute(EDGE, Boolean.TRUE);
            }
        });
    }

    @Bean
    JacksonModule plausibleTimesModule() {
        SimpleModule module = new SimpleModule("yiwang-plausible-times");
        module.setDeserializerModifier(new ValueDeserializerModifier() {
            @Override
            public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription.Supplier description,
                                                           ValueDeserializer<?> deserializer) {
                return CHECKED.contains(description.getBeanClass()) ? new Checked(deserializer) : deserializer;
            }
        });
        return module;
    }

    /** Whether {@code time} lies within the years this platform accepts. */
    public static boolean plausible(Temporal time) {
        int year = switch (time) {
            case Instant i -> i.atOffset(ZoneOffset.UTC).getYear();
            case OffsetDateTime o -> o.getYear();
            case ZonedDateTime z -> z.getYear();
            case LocalDate d -> d.getYear();
            case LocalDateTime d -> d.getYear();
            default -> Year.from(time).getValue();
        };
        return year >= FIRST_YEAR && year <= LAST_YEAR;
    }

    /** A date or time outside the accepted years; {@link #field()} names where it was. */
    public static final class ImplausibleTime extends InvalidFormatException {

        private final String field;

        ImplausibleTime(JsonParser parser, String field, Object value, Class<?> type) {
            super(parser, "date or time outside " + FIRST_YEAR + "–" + LAST_YEAR + " in \"" + field + "\": " + value, value, type);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    private static final class Checked extends DelegatingDeserializer {

        Checked(ValueDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
            return new Checked(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
            if (context.getAttribute(EDGE) == null) {
                return super.deserialize(parser, context);
            }
            String field = parser.streamReadContext().currentName();
            Object value = super.deserialize(parser, context);
            if (value instanceof Temporal time && !plausible(time)) {
                throw new ImplausibleTime(parser, field == null ? "?" : field, value, value.getClass());
            }
            return value;
        }
    }
}
