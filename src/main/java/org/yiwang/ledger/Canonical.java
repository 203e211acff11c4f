package org.yiwang.ledger;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalAmount;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SequencedCollection;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Canonical JSON (after RFC 8785, JCS): the one text a value has, so that its hash never depends on
 * map order or formatting. Object keys are sorted by UTF-16 code units; there is no whitespace;
 * strings escape only {@code "}, {@code \} and control characters ({@code \b \t \n \f \r}, else
 * <code>&#92;u00xx</code>); numbers are written as ECMAScript writes them ({@code 1}, {@code 0.5},
 * {@code 1e+21}, {@code 1e-7}, never {@code 1.0} or {@code -0}).
 *
 * <p>Besides maps, lists, strings, numbers, booleans and null, {@link #json} accepts arrays, enums
 * (their name), UUIDs and {@code java.time} values (their ISO-8601 {@code toString()}). A set
 * without a defined order is written with its elements sorted by their canonical text.
 */
public final class Canonical {

    /** Deep enough for any record; stops a map that contains itself. */
    static final int MAX_DEPTH = 64;

    private static final BigDecimal PLAIN_LIMIT = BigDecimal.TEN.pow(21);
    private static final JsonMapper PARSER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /**
     * The last texts {@link #json} wrote on this thread: a record built from a text just written (the usual
     * case) is known canonical by identity, without parsing it again, which cost more than writing it.
     */
    private static final ThreadLocal<Recent> RECENT = ThreadLocal.withInitial(Recent::new);

    private static final class Recent {
        final String[] texts = new String[8];
        int next;

        void add(String text) {
            texts[next] = text;
            next = (next + 1) & 7;
        }

        boolean contains(String text) {
            for (String written : texts) {
                if (written == text) {
                    return true;
                }
            }
            return false;
        }
    }

    private Canonical() {
    }

    /**
     * The canonical JSON text of {@code object}.
     *
     * @throws IllegalArgumentException for a value JSON cannot hold (NaN, a non-string map key, an
     *                                  unpaired surrogate, an unsupported type) or nesting deeper than 64
     */
    public static String json(Map<String, ?> object) {
        if (object == null) {
            throw new IllegalArgumentException("canonical JSON needs an object, not null");
        }
        StringBuilder out = new StringBuilder(128);
        write(out, object, 0);
        String text = out.toString();
        RECENT.get().add(text);
        return text;
    }

    /** Whether {@code text} is a JSON object written exactly as {@link #json} writes it. */
    public static boolean isCanonical(String text) {
        if (text == null || text.length() < 2 || text.charAt(0) != '{') {
            return false;
        }
        if (RECENT.get().contains(text)) {
            return true;
        }
        try {
            Object parsed = PARSER.readValue(text, Object.class);
            return parsed instanceof Map<?, ?> map && text.equals(json(castKeys(map)));
        } catch (JacksonException | IllegalArgumentException e) {
            return false;
        }
    }

    /** {@code value} as a JSON string literal, quotes included. */
    public static String quote(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2);
        writeString(out, value);
        return out.toString();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> castKeys(Map<?, ?> map) {
        return (Map<String, ?>) map;
    }

    private static void write(StringBuilder out, Object value, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("canonical JSON nests deeper than " + MAX_DEPTH + " levels (a cycle?)");
        }
        switch (value) {
            case null -> out.append("null");
            case String s -> writeString(out, s);
            case Boolean b -> out.append(b.booleanValue());
            case Integer i -> out.append(i.intValue());
            case Long l -> out.append(l.longValue());
            case Short s -> out.append(s.shortValue());
            case Byte b -> out.append(b.byteValue());
            case AtomicInteger i -> out.append(i.get());
            case AtomicLong l -> out.append(l.get());
            case Number n -> out.append(number(n));
            case CharSequence s -> writeString(out, s.toString());
            case Character c -> writeString(out, c.toString());
            case Enum<?> e -> writeString(out, e.name());
            case UUID u -> writeString(out, u.toString());
            case TemporalAccessor t -> writeString(out, t.toString());
            case TemporalAmount t -> writeString(out, t.toString());
            case Map<?, ?> map -> writeObject(out, map, depth);
            case Set<?> set when !(set instanceof SortedSet<?>) && !(set instanceof SequencedCollection<?>) ->
                    writeUnorderedSet(out, set, depth);
            case Iterable<?> items -> {
                out.append('[');
                boolean first = true;
                for (Object item : items) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    write(out, item, depth + 1);
                }
                out.append(']');
            }
            case Object array when array.getClass().isArray() -> {
                out.append('[');
                int length = Array.getLength(array);
                for (int i = 0; i < length; i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    write(out, Array.get(array, i), depth + 1);
                }
                out.append(']');
            }
            default -> throw new IllegalArgumentException("cannot write a " + value.getClass().getName()
                    + " as canonical JSON; use a map, list, string, number, boolean or null");
        }
    }

    private static void writeObject(StringBuilder out, Map<?, ?> map, int depth) {
        TreeMap<String, Object> sorted = new TreeMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!(entry.getKey() instanceof String key)) {
                throw new IllegalArgumentException("canonical JSON object keys must be strings, not " + entry.getKey());
            }
            sorted.put(key, entry.getValue());
        }
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, Object> entry : sorted.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            writeString(out, entry.getKey());
            out.append(':');
            write(out, entry.getValue(), depth + 1);
        }
        out.append('}');
    }

    private static void writeUnorderedSet(StringBuilder out, Set<?> set, int depth) {
        List<String> elements = new ArrayList<>(set.size());
        for (Object element : set) {
            StringBuilder one = new StringBuilder();
            write(one, element, depth + 1);
            elements.add(one.toString());
        }
        elements.sort(null);
        out.append('[').append(String.join(",", elements)).append(']');
    }

    private static void writeString(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\f' -> out.append("\\f");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xF, 16));
                    } else if (Character.isHighSurrogate(c)) {
                        if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                            throw new IllegalArgumentException("unpaired surrogate at index " + i + " of a string");
                        }
                        out.append(c).append(s.charAt(++i));
                    } else if (Character.isLowSurrogate(c)) {
                        throw new IllegalArgumentException("unpaired surrogate at index " + i + " of a string");
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /**
     * The shortest decimal that reads back as {@code d}, as ECMAScript picks it. Java's {@code Double.toString} gives
     * it too, except that it never writes a single digit: where one digit would do it writes the closest two-digit
     * decimal, which for a few subnormals is another number ({@code 4.9E-324} for ECMAScript's {@code 5e-324},
     * RFC 8785 Appendix B).
     */
    private static BigDecimal shortest(double d) {
        BigDecimal java = new BigDecimal(Double.toString(d));
        BigDecimal digits = java.stripTrailingZeros();
        if (digits.precision() == 2) {
            BigDecimal one = digits.round(new MathContext(1, RoundingMode.HALF_EVEN));
            if (Double.parseDouble(one.toString()) == d) {
                return one;
            }
        }
        return java;
    }

    /** ECMAScript's Number::toString over the exact (for binary floats: shortest) decimal value. */
    static String number(Number n) {
        BigDecimal value = switch (n) {
            case BigDecimal d -> d;
            case BigInteger i -> new BigDecimal(i);
            case Double d -> {
                if (!Double.isFinite(d)) {
                    throw new IllegalArgumentException("JSON has no " + d);
                }
                yield shortest(d);
            }
            case Float f -> {
                if (!Float.isFinite(f)) {
                    throw new IllegalArgumentException("JSON has no " + f);
                }
                yield new BigDecimal(Float.toString(f));
            }
            default -> {
                double d = n.doubleValue();
                if (!Double.isFinite(d)) {
                    throw new IllegalArgumentException("JSON has no " + d);
                }
                yield n instanceof Integer || n instanceof Long ? BigDecimal.valueOf(n.longValue()) : new BigDecimal(n.toString());
            }
        };
        if (value.signum() == 0) {
            return "0";
        }
        value = value.stripTrailingZeros();
        String sign = value.signum() < 0 ? "-" : "";
        String digits = value.unscaledValue().abs().toString();
        int k = digits.length();
        int exponent = k - value.scale(); // value = 0.digits × 10^exponent
        if (value.abs().compareTo(PLAIN_LIMIT) < 0) {
            if (k <= exponent) {
                return sign + digits + "0".repeat(exponent - k);
            }
            if (exponent > 0) {
                return sign + digits.substring(0, exponent) + "." + digits.substring(exponent);
            }
            if (exponent > -6) {
                return sign + "0." + "0".repeat(-exponent) + digits;
            }
        }
        int e = exponent - 1;
        String mantissa = k == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return sign + mantissa + "e" + (e < 0 ? "-" : "+") + Math.abs(e);
    }
}
