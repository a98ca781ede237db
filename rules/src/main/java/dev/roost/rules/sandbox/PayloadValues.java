package dev.roost.rules.sandbox;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns an MQTT payload into the value rules compare: whole numbers that fit a {@code long} become {@link Long},
 * other numbers {@link Double}, {@code true}/{@code false} a {@link Boolean}, a JSON object an unmodifiable
 * {@link Map} (in document order), a JSON array an unmodifiable {@link List}, a JSON string its text, JSON
 * {@code null} null, and anything that is not one whole JSON value the payload string itself.
 *
 * <p>Doubles rather than BigDecimal on purpose: a payload like {@code 1e999999999} must not become a number whose
 * arithmetic costs gigabytes; it becomes {@code Infinity} instead.
 */
public final class PayloadValues {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private PayloadValues() {
    }

    public static Object parse(String payload) {
        if (payload == null) {
            return null;
        }
        if (!mayBeJson(payload)) {
            return payload;
        }
        try {
            return convert(JSON.readTree(payload));
        } catch (JacksonException notJson) {
            // Most payloads are plain text ("ON", "open"); not being JSON is the normal case, not an error.
            return payload;
        }
    }

    /**
     * Writes a value as payload text: strings as they are, null as the empty string, maps and lists as JSON
     * (so {@code @{value}} of a JSON payload is JSON again), anything else by {@code toString}.
     */
    public static String format(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof String text) {
            return text;
        }
        if (value instanceof Map || value instanceof List) {
            try {
                return JSON.writeValueAsString(value);
            } catch (JacksonException unwritable) {
                throw new IllegalStateException("a parsed payload value could not be written back as JSON", unwritable);
            }
        }
        return value.toString();
    }

    /** Skips the JSON parser for the common plain-text payloads ("ON", "closed") that cannot be JSON. */
    private static boolean mayBeJson(String payload) {
        String trimmed = payload.strip();
        if (trimmed.isEmpty()) {
            return false;
        }
        char first = trimmed.charAt(0);
        return first == '{' || first == '[' || first == '"' || first == '-' || Character.isDigit(first)
                || trimmed.equals("true") || trimmed.equals("false") || trimmed.equals("null");
    }

    private static Object convert(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.longValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isArray()) {
            List<Object> items = new ArrayList<>(node.size());
            node.forEach(item -> items.add(convert(item)));
            return Collections.unmodifiableList(items);
        }
        if (node.isObject()) {
            Map<String, Object> fields = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                fields.put(field.getKey(), convert(field.getValue()));
            }
            return Collections.unmodifiableMap(fields);
        }
        return node.asText();
    }
}
