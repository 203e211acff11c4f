package org.yiwang.open311;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks JSON documents against the GeoReport v2 schemas in {@code src/test/resources/open311/schemas}:
 * the subset of JSON Schema they use — type (with "null" and "integer"), required, properties,
 * additionalProperties false, items, enum, pattern, format date-time, minItems, maxItems, anyOf.
 */
final class JsonSchemaCheck {

    /** ISO 8601 as the spec has it: seconds, and a timezone (Z or ±hh:mm). */
    static final Pattern DATE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JsonSchemaCheck() {
    }

    static JsonNode schema(String name) {
        try (InputStream in = JsonSchemaCheck.class.getResourceAsStream("/open311/schemas/" + name + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("no schema " + name);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The violations of {@code document} against schema {@code name}, as "path: problem"; empty when it conforms. */
    static List<String> violations(String name, String document) {
        List<String> problems = new ArrayList<>();
        check(schema(name), JSON.readTree(document), "$", problems);
        return problems;
    }

    private static void check(JsonNode schema, JsonNode value, String path, List<String> problems) {
        if (schema.has("type") && !typeMatches(schema.get("type"), value)) {
            problems.add(path + ": expected " + schema.get("type") + " but was " + value.getNodeType() + " " + value);
            return;
        }
        if (schema.has("enum")) {
            boolean found = false;
            for (JsonNode allowed : schema.get("enum")) {
                found |= allowed.equals(value);
            }
            if (!found) {
                problems.add(path + ": " + value + " is not one of " + schema.get("enum"));
            }
        }
        if (value.isString()) {
            if (schema.has("pattern") && !Pattern.compile(schema.get("pattern").asString()).matcher(value.asString()).find()) {
                problems.add(path + ": \"" + value.asString() + "\" does not match " + schema.get("pattern").asString());
            }
            if (schema.has("format") && schema.get("format").asString().equals("date-time")
                    && !DATE_TIME.matcher(value.asString()).matches()) {
                problems.add(path + ": \"" + value.asString() + "\" is not an ISO 8601 date-time with a timezone");
            }
        }
        if (value.isArray()) {
            if (schema.has("minItems") && value.size() < schema.get("minItems").asInt()) {
                problems.add(path + ": fewer than " + schema.get("minItems").asInt() + " items");
            }
            if (schema.has("maxItems") && value.size() > schema.get("maxItems").asInt()) {
                problems.add(path + ": more than " + schema.get("maxItems").asInt() + " items");
            }
            if (schema.has("items")) {
                for (int i = 0; i < value.size(); i++) {
                    check(schema.get("items"), value.get(i), path + "[" + i + "]", problems);
                }
            }
        }
        if (value.isObject()) {
            if (schema.has("required")) {
                for (JsonNode field : schema.get("required")) {
                    if (!value.has(field.asString())) {
                        problems.add(path + ": missing required " + field.asString());
                    }
                }
            }
            JsonNode properties = schema.path("properties");
            for (Iterator<Map.Entry<String, JsonNode>> it = value.properties().iterator(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (properties.has(field.getKey())) {
                    check(properties.get(field.getKey()), field.getValue(), path + "." + field.getKey(), problems);
                } else if (schema.has("additionalProperties") && !schema.get("additionalProperties").asBoolean()) {
                    problems.add(path + ": unexpected field " + field.getKey());
                }
            }
            if (schema.has("anyOf")) {
                boolean any = false;
                for (JsonNode option : schema.get("anyOf")) {
                    List<String> optionProblems = new ArrayList<>();
                    check(option, value, path, optionProblems);
                    any |= optionProblems.isEmpty();
                }
                if (!any) {
                    problems.add(path + ": matches none of " + schema.get("anyOf"));
                }
            }
        }
    }

    private static boolean typeMatches(JsonNode type, JsonNode value) {
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (typeMatches(t, value)) {
                    return true;
                }
            }
            return false;
        }
        return switch (type.asString()) {
            case "null" -> value.isNull();
            case "string" -> value.isString();
            case "boolean" -> value.isBoolean();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "array" -> value.isArray();
            case "object" -> value.isObject();
            default -> throw new IllegalArgumentException("unknown type " + type);
        };
    }
}
