package org.yiwang.platform;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code #chinaTime} in page templates: an instant written in {@link ChinaTime#ZONE}, so that no template spells the
 * zone — {@code ${#chinaTime.format(order.dueAt(), 'MM-dd HH:mm')}}, or {@code #chinaTime.minutes(at)} for
 * {@link ChinaTime#MINUTES}. A null instant is written as nothing.
 */
@Component
public class ChinaTimeDialect extends AbstractDialect implements IExpressionObjectDialect {

    /** What {@code #chinaTime} is. */
    public static final class Format {

        private final Map<String, DateTimeFormatter> patterns = new ConcurrentHashMap<>();

        public String format(@Nullable Instant at, String pattern) {
            if (at == null) {
                return "";
            }
            return patterns.computeIfAbsent(pattern, p -> DateTimeFormatter.ofPattern(p).withZone(ChinaTime.ZONE)).format(at);
        }

        /** The zone's id, for a page's script that writes times itself ({@code data-zone}). */
        public String zone() {
            return ChinaTime.ZONE_ID;
        }

        public String minutes(@Nullable Instant at) {
            return at == null ? "" : ChinaTime.MINUTES.format(at);
        }
    }

    private static final Format FORMAT = new Format();

    public ChinaTimeDialect() {
        super("yiwang-china-time");
    }

    @Override
    public IExpressionObjectFactory getExpressionObjectFactory() {
        return new IExpressionObjectFactory() {
            @Override
            public Set<String> getAllExpressionObjectNames() {
                return Set.of("chinaTime");
            }

            @Override
            public Object buildObject(IExpressionContext context, String expressionObjectName) {
                return FORMAT;
            }

            @Override
            public boolean isCacheable(String expressionObjectName) {
                return true;
            }
        };
    }
}
