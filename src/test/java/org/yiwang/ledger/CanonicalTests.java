package org.yiwang.ledger;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Canonical JSON: one text per value, whatever the map order. */
class CanonicalTests {

    @Example
    void sortsKeysAndLeavesNoWhitespace() {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("to", "DISPATCHED");
        facts.put("from", "FILED");
        facts.put("handlers", List.of(12, 7));
        facts.put("note", null);
        facts.put("grid", Map.of("code", "320104002001001", "full", true));
        assertThat(Canonical.json(facts)).isEqualTo(
                "{\"from\":\"FILED\",\"grid\":{\"code\":\"320104002001001\",\"full\":true},\"handlers\":[12,7],"
                        + "\"note\":null,\"to\":\"DISPATCHED\"}");
    }

    @Example
    void sortsKeysByUtf16CodeUnitsAsRfc8785Does() {
        // RFC 8785 section 3.2.3: "\r" < "1" < "\u0080" < "\u00f6" < "\u20ac" < "\ud83d\ude00" < "\ufb33"
        Map<String, Object> facts = new HashMap<>();
        facts.put("\u20ac", "Euro Sign");
        facts.put("\r", "Carriage Return");
        facts.put("\ufb33", "Hebrew Letter Dalet With Dagesh");
        facts.put("1", "One");
        facts.put("\ud83d\ude00", "Emoji: Grinning Face");
        facts.put("\u0080", "Control");
        facts.put("\u00f6", "Latin Small Letter O With Diaeresis");
        assertThat(Canonical.json(facts)).isEqualTo("{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\","
                + "\"\u00f6\":\"Latin Small Letter O With Diaeresis\",\"\u20ac\":\"Euro Sign\","
                + "\"\ud83d\ude00\":\"Emoji: Grinning Face\",\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}");
    }

    @Example
    void escapesOnlyQuotesBackslashesAndControlCharacters() {
        assertThat(Canonical.json(Map.of("s", "引号\"反斜杠\\/\b\f\n\r\t\u0001\u001f\u007f€")))
                .isEqualTo("{\"s\":\"引号\\\"反斜杠\\\\/\\b\\f\\n\\r\\t\\u0001\\u001f\u007f€\"}");
    }

    @Example
    void writesNumbersAsEcmaScriptDoes() {
        Object[][] cases = {
                {0, "0"}, {-0.0, "0"}, {1.0, "1"}, {-1, "-1"}, {0.5, "0.5"}, {100.0, "100"}, {1e21, "1e+21"},
                {1e20, "100000000000000000000"}, {1e-6, "0.000001"}, {1e-7, "1e-7"}, {123.456e-10, "1.23456e-8"},
                {9007199254740993L, "9007199254740993"}, {Long.MIN_VALUE, "-9223372036854775808"},
                {new BigDecimal("1.50"), "1.5"}, {new BigDecimal("1E+3"), "1000"}, {new BigInteger("10").pow(25), "1e+25"},
                {0.1f, "0.1"}, {333333333.33333329, "333333333.3333333"},
                {1.7976931348623157e308, "1.7976931348623157e+308"}, {(short) 7, "7"}, {(byte) -3, "-3"}};
        for (Object[] c : cases) {
            assertThat(Canonical.json(Map.of("n", c[0]))).as("%s", c[0]).isEqualTo("{\"n\":" + c[1] + "}");
        }
    }

    @Example
    void refusesWhatJsonCannotHold() {
        assertThatThrownBy(() -> Canonical.json(Map.of("n", Double.NaN))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Canonical.json(Map.of("n", Double.POSITIVE_INFINITY))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Canonical.json(Map.of("s", "\ud800"))).hasMessageContaining("surrogate");
        assertThatThrownBy(() -> Canonical.json(Map.of("m", Map.of(1, "x")))).hasMessageContaining("keys must be strings");
        assertThatThrownBy(() -> Canonical.json(Map.of("o", new Object()))).hasMessageContaining("java.lang.Object");
        assertThatThrownBy(() -> Canonical.json(null)).isInstanceOf(IllegalArgumentException.class);
        Map<String, Object> cycle = new HashMap<>();
        cycle.put("self", cycle);
        assertThatThrownBy(() -> Canonical.json(cycle)).hasMessageContaining("deeper");
    }

    @Example
    void writesEnumsTimesArraysAndUnorderedSetsDeterministically() {
        Map<String, Object> facts = Map.of(
                "at", Instant.parse("2025-03-01T08:00:00.5Z"),
                "role", java.time.DayOfWeek.MONDAY,
                "ids", new long[]{3, 1},
                "tags", Set.of("b", "a", "c"),
                "sorted", new TreeSet<>(Collections.reverseOrder()) {{
                    add("x");
                    add("y");
                }});
        assertThat(Canonical.json(facts)).isEqualTo(
                "{\"at\":\"2025-03-01T08:00:00.500Z\",\"ids\":[3,1],\"role\":\"MONDAY\",\"sorted\":[\"y\",\"x\"],\"tags\":[\"a\",\"b\",\"c\"]}");
    }

    @Example
    void aTextJustWrittenIsKnownCanonicalAndAnAlteredCopyOfItIsNot() {
        String written = Canonical.json(Map.of("b", List.of(1, 2), "a", "x"));
        assertThat(Canonical.isCanonical(written)).isTrue();
        assertThat(Canonical.isCanonical(new String(written))).as("an equal text written elsewhere").isTrue();
        assertThat(Canonical.isCanonical(written.replace(",", ", "))).as("the same facts with whitespace").isFalse();
        assertThat(Canonical.isCanonical(written.replace("\"a\"", "\"c\""))).as("keys out of order").isFalse();
    }

    @Example
    void recognisesCanonicalText() {
        assertThat(Canonical.isCanonical("{}")).isTrue();
        assertThat(Canonical.isCanonical("{\"a\":1,\"b\":[true,null,\"x\"]}")).isTrue();
        assertThat(Canonical.isCanonical("{\"b\":1,\"a\":1}")).as("unsorted").isFalse();
        assertThat(Canonical.isCanonical("{\"a\": 1}")).as("whitespace").isFalse();
        assertThat(Canonical.isCanonical("{\"a\":1.0}")).as("1.0").isFalse();
        assertThat(Canonical.isCanonical("{\"a\":1e2}")).as("1e2").isFalse();
        assertThat(Canonical.isCanonical("{\"a\":\"\\u0041\"}")).as("needless escape").isFalse();
        assertThat(Canonical.isCanonical("{\"a\":1,\"a\":2}")).as("duplicate key").isFalse();
        assertThat(Canonical.isCanonical("{\"a\":1}x")).as("trailing text").isFalse();
        assertThat(Canonical.isCanonical("[1]")).as("not an object").isFalse();
        assertThat(Canonical.isCanonical("{\"a\":\"\\ud800\"}")).as("unpaired surrogate").isFalse();
        assertThat(Canonical.isCanonical(null)).isFalse();
    }

    @Property(tries = 300)
    void keyOrderDoesNotMatter(@ForAll("documents") Map<String, Object> document, @ForAll long seed) {
        assertThat(Canonical.json(reordered(document, new Random(seed)))).isEqualTo(Canonical.json(document));
    }

    @Property(tries = 300)
    void canonicalTextReadsBackToItself(@ForAll("documents") Map<String, Object> document) {
        String json = Canonical.json(document);
        assertThat(Canonical.isCanonical(json)).as(json).isTrue();
    }

    @Provide
    Arbitrary<Map<String, Object>> documents() {
        return objects(3);
    }

    private Arbitrary<Map<String, Object>> objects(int depth) {
        Arbitrary<String> keys = Arbitraries.strings().all().ofMaxLength(8)
                .filter(s -> s.chars().noneMatch(c -> Character.isSurrogate((char) c)));
        return Arbitraries.maps(keys, values(depth)).ofMaxSize(6).map(m -> (Map<String, Object>) new HashMap<String, Object>(m));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Arbitrary<Object> values(int depth) {
        List<Arbitrary<?>> choices = new ArrayList<>(List.of(
                Arbitraries.strings().ofMaxLength(12).filter(s -> s.chars().noneMatch(c -> Character.isSurrogate((char) c))),
                Arbitraries.strings().withChars("网格工单秦淮\"\\\n\t\u0000").ofMaxLength(6),
                Arbitraries.longs(),
                Arbitraries.integers(),
                Arbitraries.doubles().filter(Double::isFinite),
                Arbitraries.bigDecimals().ofScale(3),
                Arbitraries.of(true, false),
                Arbitraries.just(null)));
        if (depth > 0) {
            choices.add(objects(depth - 1));
            choices.add(Arbitraries.lazy(() -> values(depth - 1)).list().ofMaxSize(4));
        }
        return (Arbitrary<Object>) (Arbitrary) Arbitraries.oneOf((List) choices);
    }

    /** The same document with every map rebuilt in a shuffled insertion order. */
    @SuppressWarnings("unchecked")
    private static Object reorder(Object value, Random random) {
        if (value instanceof Map<?, ?> map) {
            return reordered((Map<String, Object>) map, random);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(v -> reorder(v, random)).toList();
        }
        return value;
    }

    private static Map<String, Object> reordered(Map<String, Object> map, Random random) {
        List<String> keys = new ArrayList<>(map.keySet());
        Collections.shuffle(keys, random);
        Map<String, Object> copy = new LinkedHashMap<>();
        for (String key : keys) {
            copy.put(key, reorder(map.get(key), random));
        }
        return copy;
    }

    @Example
    void arraysOfObjectsAreListsToo() {
        assertThat(Canonical.json(Map.of("a", new Object[]{Map.of("z", 1, "y", 2), "s"})))
                .isEqualTo("{\"a\":[{\"y\":2,\"z\":1},\"s\"]}");
    }

    /**
     * RFC 8785 Appendix B: IEEE-754 doubles (by their bits) and their canonical text. The same texts come out of
     * io.github.erdtman:java-json-canonicalization, the maintained implementation this one was compared with.
     */
    @Example
    void writesTheNumberSamplesOfRfc8785AppendixB() {
        String[][] samples = {
                {"0000000000000000", "0"}, {"8000000000000000", "0"}, {"0000000000000001", "5e-324"},
                {"8000000000000001", "-5e-324"}, {"7fefffffffffffff", "1.7976931348623157e+308"},
                {"ffefffffffffffff", "-1.7976931348623157e+308"}, {"4340000000000000", "9007199254740992"},
                {"c340000000000000", "-9007199254740992"}, {"4430000000000000", "295147905179352830000"},
                {"44b52d02c7e14af5", "9.999999999999997e+22"}, {"44b52d02c7e14af6", "1e+23"},
                {"44b52d02c7e14af7", "1.0000000000000001e+23"}, {"444b1ae4d6e2ef4e", "999999999999999700000"},
                {"444b1ae4d6e2ef4f", "999999999999999900000"}, {"444b1ae4d6e2ef50", "1e+21"},
                {"3eb0c6f7a0b5ed8c", "9.999999999999997e-7"}, {"3eb0c6f7a0b5ed8d", "0.000001"},
                {"41b3de4355555553", "333333333.3333332"}, {"41b3de4355555554", "333333333.33333325"},
                {"41b3de4355555555", "333333333.3333333"}, {"41b3de4355555556", "333333333.3333334"},
                {"41b3de4355555557", "333333333.33333343"}, {"becbf647612f3696", "-0.0000033333333333333333"},
                {"43143ff3c1cb0959", "1424953923781206.2"}};
        for (String[] sample : samples) {
            double value = Double.longBitsToDouble(Long.parseUnsignedLong(sample[0], 16));
            assertThat(Canonical.json(Map.of("n", value))).as(sample[0]).isEqualTo("{\"n\":" + sample[1] + "}");
        }
        for (String bits : new String[]{"7fffffffffffffff", "7ff0000000000000", "fff0000000000000"}) {
            double value = Double.longBitsToDouble(Long.parseUnsignedLong(bits, 16));
            assertThatThrownBy(() -> Canonical.json(Map.of("n", value))).as(bits).isInstanceOf(IllegalArgumentException.class);
        }
    }

    /** RFC 8785 section 3.2.2–3.2.3: the sample object, its numbers read as JavaScript reads them (doubles). */
    @Example
    void writesTheSampleOfRfc8785Section3AsTheRfcDoes() {
        String input = """
                {
                  "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
                  "string": "\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\"\\/",
                  "literals": [null, true, false]
                }""";
        @SuppressWarnings("unchecked")
        Map<String, Object> parsed = tools.jackson.databind.json.JsonMapper.builder().build().readValue(input, Map.class);

        assertThat(Canonical.json(parsed)).isEqualTo(
                "{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
                        + "\"string\":\"\u20ac$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}");
        assertThat(Canonical.isCanonical(Canonical.json(parsed))).isTrue();
    }

    /**
     * Where this implementation goes beyond RFC 8785 on purpose: a Java {@code long} or {@code BigDecimal} is written
     * exactly, where JCS (and the library above) would first round it to a double — 9007199254740993 would become
     * 9007199254740992 and {@code Long.MIN_VALUE} -9223372036854776000 — and so change the hash of a record that
     * holds one. Values a double holds exactly are written as JCS writes them.
     */
    @Example
    void writesIntegersBeyondDoublePrecisionExactlyUnlikeStrictJcs() {
        assertThat(Canonical.json(Map.of("id", 9007199254740993L))).isEqualTo("{\"id\":9007199254740993}");
        assertThat(Canonical.json(Map.of("id", 9007199254740992L))).isEqualTo("{\"id\":9007199254740992}");
        assertThat(Canonical.json(Map.of("x", new BigDecimal("0.1234567890123456789"))))
                .isEqualTo("{\"x\":0.1234567890123456789}");
    }

    /**
     * A chain sealed by earlier versions still verifies only if a record's hash never changes: this record's hash
     * was computed outside Java ({@code sha256sum} over 32 zero bytes and the record's UTF-8 text).
     */
    @Example
    void theHashOfAKnownRecordDoesNotChange() {
        String canonical = Canonical.json(Map.of("to", "DISPATCHED", "from", "FILED", "handlers", List.of(12, 7),
                "note", "占道经营", "big", 9007199254740993L, "ratio", 0.5));
        String record = ChainHash.record(1, "workorder", "WO-2025-00000042", "320104002001", "DISPATCHED",
                java.time.Instant.parse("2025-03-01T00:00:00.123456Z"), 4711, canonical);

        assertThat(record).isEqualTo("{\"actor\":4711,\"at\":\"2025-03-01T00:00:00.123456Z\",\"canonical\":"
                + "{\"big\":9007199254740993,\"from\":\"FILED\",\"handlers\":[12,7],\"note\":\"占道经营\",\"ratio\":0.5,"
                + "\"to\":\"DISPATCHED\"},\"district\":\"320104002001\",\"kind\":\"DISPATCHED\",\"seq\":1,"
                + "\"stream\":\"workorder\",\"subject\":\"WO-2025-00000042\"}");
        assertThat(ChainHash.hex(ChainHash.hash(ChainHash.sha256(), ChainHash.genesis(), record)))
                .isEqualTo("d31a440d960baf7818fdc72f845d276efc9c88abe0caa5dd1541095e0f1f65d1");
        assertThat(ChainHash.hex(MerkleTree.leafHash(ChainHash.sha256(), record.getBytes(java.nio.charset.StandardCharsets.UTF_8))))
                .as("its Merkle leaf: SHA-256 of 0x00 and the text")
                .isEqualTo("22a93076d4230c75395a2b4a5e26b76fd990a191945b4b96dfd4482a5f8bf449");
    }
}
