package dev.roost.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a scenario measured: prose lines for a person and an ordered set of fields printed as one
 * {@code RESULT {json}} line, which compare.sh and the tests read. Top-level headline figures stay flat numbers so a
 * shell script can pick them out without a JSON parser.
 */
final class Result {
    private final Map<String, Object> fields = new LinkedHashMap<>();
    private final List<String> summary = new ArrayList<>();

    Result(String scenario) {
        fields.put("scenario", scenario);
    }

    Result put(String key, Object value) {
        fields.put(key, value);
        return this;
    }

    Result line(String format, Object... args) {
        summary.add(String.format(Locale.ROOT, format, args));
        return this;
    }

    Object get(String key) {
        return fields.get(key);
    }

    long getLong(String key) {
        Object v = fields.get(key);
        if (!(v instanceof Number n)) {
            throw new IllegalArgumentException("no numeric field " + key + " in " + fields.keySet());
        }
        return n.longValue();
    }

    double getDouble(String key) {
        Object v = fields.get(key);
        if (!(v instanceof Number n)) {
            throw new IllegalArgumentException("no numeric field " + key + " in " + fields.keySet());
        }
        return n.doubleValue();
    }

    List<String> summary() {
        return List.copyOf(summary);
    }

    String resultLine() {
        return "RESULT " + toJson();
    }

    String toJson() {
        StringBuilder out = new StringBuilder();
        writeValue(out, fields);
        return out.toString();
    }

    private static void writeValue(StringBuilder out, Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                writeString(out, String.valueOf(e.getKey()));
                out.append(':');
                writeValue(out, e.getValue());
            }
            out.append('}');
        } else if (value instanceof Iterable<?> list) {
            out.append('[');
            boolean first = true;
            for (Object item : list) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                writeValue(out, item);
            }
            out.append(']');
        } else if (value instanceof long[] array) {
            out.append('[');
            for (int i = 0; i < array.length; i++) {
                out.append(i == 0 ? "" : ",").append(array[i]);
            }
            out.append(']');
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            // JSON has no NaN or Infinity; null says "not measurable" without breaking parsers.
            out.append(Double.isFinite(d) ? String.format(Locale.ROOT, "%.3f", d) : "null");
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else {
            writeString(out, value.toString());
        }
    }

    private static void writeString(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
