package dev.roost.devices.discovered.template;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * JSON in and out of templates. Two writers, because the two filters differ: Jinja's {@code tojson} is Python's
 * {@code json.dumps(sort_keys=True)} ({@code {"a": 1, "b": 2}}, non-ASCII and {@code < > & '} escaped), HA's
 * {@code to_json} is orjson ({@code {"b":2,"a":1}} in insertion order, compact, UTF-8 kept, only str keys).
 */
final class JsonOut {

    private static final ObjectMapper READER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private JsonOut() {
    }

    /** How one writer spells things. */
    private record Style(boolean python, boolean sortKeys, String indent, boolean htmlSafe) {
    }

    static Object jinja(Object value, Object indent) throws TemplateException {
        String unit = indent == Signature.ABSENT || indent == null ? null
                : PyNumbers.isInt(indent) ? " ".repeat((int) Math.max(0, Math.min(16, PyNumbers.asLong(indent))))
                : Py.str(indent);
        return write(value, new Style(true, true, unit, true));
    }

    static Object homeAssistant(Object value, boolean ensureAscii, boolean prettyPrint, boolean sortKeys)
            throws TemplateException {
        // HA falls back to json.dumps when ensure_ascii is asked for; orjson otherwise.
        return write(value, new Style(ensureAscii, sortKeys, prettyPrint ? "  " : null, false));
    }

    /** HA's from_json: the parsed value, or the default when the text is not JSON. */
    static Object parse(Object value, Object fallback) throws TemplateException {
        if (value instanceof String s) {
            try {
                return READER.readValue(s, Object.class);
            } catch (JsonProcessingException e) {
                // falls through to the default
            }
        }
        if (fallback != Signature.ABSENT) {
            return fallback;
        }
        throw new TemplateException("from_json got invalid input '" + Py.str(value) + "' and no default was given");
    }

    private static String write(Object value, Style style) throws TemplateException {
        BoundedText out = new BoundedText();
        write(value, style, out, 0);
        return out.toString();
    }

    private static void write(Object v, Style style, BoundedText out, int level) throws TemplateException {
        if (v == null) {
            out.append("null");
        } else if (v instanceof Boolean b) {
            out.append(b ? "true" : "false");
        } else if (PyNumbers.isInt(v)) {
            out.append(PyNumbers.normalizeInt(v).toString());
        } else if (PyNumbers.isFloat(v)) {
            double d = PyNumbers.asDouble(v);
            if (!Double.isFinite(d)) {
                out.append(!style.python() ? "null" : Double.isNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity");
            } else {
                out.append(style.python() ? PyFloats.repr(d) : PyFloats.json(d));
            }
        } else if (v instanceof String s) {
            string(s, style, out);
        } else if (v instanceof List || v instanceof PyTuple) {
            List<Object> items = Py.items(v);
            out.append('[');
            for (int i = 0; i < items.size(); i++) {
                separator(i, style, out, level + 1);
                write(items.get(i), style, out, level + 1);
            }
            close(items.isEmpty(), ']', style, out, level);
        } else if (v instanceof Map<?, ?> map) {
            object(map, style, out, level);
        } else {
            Py.known(v);
            throw new TemplateException("Object of type " + Py.typeName(v) + " is not JSON serializable");
        }
    }

    private static void object(Map<?, ?> map, Style style, BoundedText out, int level) throws TemplateException {
        List<Map.Entry<?, ?>> entries = new ArrayList<>(map.entrySet());
        List<String> keys = new ArrayList<>();
        for (Map.Entry<?, ?> entry : entries) {
            keys.add(key(entry.getKey(), style));
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            order.add(i);
        }
        if (style.sortKeys()) {
            sortByKey(order, entries);
        }
        out.append('{');
        for (int n = 0; n < order.size(); n++) {
            int i = order.get(n);
            separator(n, style, out, level + 1);
            string(keys.get(i), style, out);
            out.append(style.python() || style.indent() != null ? ": " : ":");
            write(entries.get(i).getValue(), style, out, level + 1);
        }
        close(order.isEmpty(), '}', style, out, level);
    }

    /** Python sorts the original keys, so mixing str and int keys fails there, and here. */
    private static void sortByKey(List<Integer> order, List<Map.Entry<?, ?>> entries) throws TemplateException {
        for (int i = 1; i < order.size(); i++) {
            for (int j = i; j > 0; j--) {
                Object a = entries.get(order.get(j - 1)).getKey();
                Object b = entries.get(order.get(j)).getKey();
                if (!Operators.compare(">", a, b)) {
                    break;
                }
                order.set(j, order.set(j - 1, order.get(j)));
            }
        }
    }

    private static String key(Object k, Style style) throws TemplateException {
        if (k instanceof String s) {
            return s;
        }
        if (!style.python()) {
            throw new TemplateException("to_json needs str dict keys, not " + Py.typeName(k));
        }
        if (k == null || k instanceof Boolean) {
            return k == null ? "null" : (Boolean) k ? "true" : "false";
        }
        if (PyNumbers.isNumber(k)) {
            return Py.str(k);
        }
        throw new TemplateException("keys must be str, int, float, bool or None, not " + Py.typeName(k));
    }

    private static void separator(int index, Style style, BoundedText out, int level) throws TemplateException {
        if (index > 0) {
            out.append(style.python() && style.indent() == null ? ", " : ",");
        }
        if (style.indent() != null) {
            out.append('\n').append(style.indent().repeat(level));
        }
    }

    private static void close(boolean empty, char bracket, Style style, BoundedText out, int level)
            throws TemplateException {
        if (!empty && style.indent() != null) {
            out.append('\n').append(style.indent().repeat(level));
        }
        out.append(bracket);
    }

    private static void string(String s, Style style, BoundedText out) throws TemplateException {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    boolean escape = c < 0x20 || (style.python() && c > 0x7e)
                            || (style.htmlSafe() && "<>&'".indexOf(c) >= 0);
                    out.append(escape ? String.format("\\u%04x", (int) c) : String.valueOf(c));
                }
            }
        }
        out.append('"');
    }
}
