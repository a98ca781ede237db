package dev.roost.devices.discovered.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Values as Python sees them: the kinds a template may hold (None, bool, int, float, str, list, tuple, dict and
 * Jinja's undefined), their truthiness, equality ({@code 1 == 1.0 == True}), membership, iteration, and
 * {@code str()}/{@code repr()} ({@code True}, {@code None}, {@code 21.0}, {@code ['a', 1]}). Any other Java
 * object is refused by name, never touched: the evaluator calls no method on a value it does not know.
 */
final class Py {

    /** Marks a dict key that is not there; None is a value, so it cannot mark absence. */
    static final Object MISSING = new Object();

    private Py() {
    }

    static String typeName(Object v) {
        if (v == null) {
            return "NoneType";
        }
        if (v instanceof Boolean) {
            return "bool";
        }
        if (PyNumbers.isInt(v)) {
            return "int";
        }
        if (PyNumbers.isFloat(v)) {
            return "float";
        }
        if (v instanceof String) {
            return "str";
        }
        if (v instanceof List) {
            return "list";
        }
        if (v instanceof PyTuple) {
            return "tuple";
        }
        if (v instanceof Map) {
            return "dict";
        }
        return v instanceof Undefined ? "Undefined" : "unsupported value";
    }

    static boolean truthy(Object v) throws TemplateException {
        if (v == null || v instanceof Undefined) {
            return false;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        if (PyNumbers.isInt(v)) {
            return PyNumbers.big(v).signum() != 0;
        }
        if (PyNumbers.isFloat(v)) {
            return PyNumbers.asDouble(v) != 0;
        }
        if (v instanceof String s) {
            return !s.isEmpty();
        }
        return !items(v).isEmpty();
    }

    static boolean equal(Object a, Object b) throws TemplateException {
        if (a instanceof Undefined || b instanceof Undefined) {
            return a instanceof Undefined && b instanceof Undefined; // Jinja: undefined equals only undefined
        }
        if (a == null || b == null) {
            return a == b;
        }
        if (PyNumbers.isNumber(a) || PyNumbers.isNumber(b)) {
            if (!PyNumbers.isNumber(a) || !PyNumbers.isNumber(b)) {
                return false;
            }
            Integer order = PyNumbers.compare(a, b);
            return order != null && order == 0;
        }
        if (a instanceof String x) {
            return x.equals(b);
        }
        if ((a instanceof List && b instanceof List) || (a instanceof PyTuple && b instanceof PyTuple)) {
            List<Object> x = items(a);
            List<Object> y = items(b);
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!equal(x.get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (Map.Entry<?, ?> entry : x.entrySet()) {
                Object other = get(y, entry.getKey());
                if (other == MISSING || !equal(entry.getValue(), other)) {
                    return false;
                }
            }
            return true;
        }
        known(a);
        known(b);
        return false;
    }

    /** Whether Python could use the value as a dict key (lists and dicts cannot be). */
    static boolean hashable(Object v) {
        if (v instanceof PyTuple t) {
            return t.items().stream().allMatch(Py::hashable);
        }
        return !(v instanceof List || v instanceof Map);
    }

    /** {@code dict[key]} by Python equality, so 1, 1.0 and True find the same key; {@link #MISSING} if absent. */
    static Object get(Map<?, ?> map, Object key) throws TemplateException {
        if (key instanceof String && map.containsKey(key)) {
            return map.get(key);
        }
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (equal(entry.getKey(), key)) {
                return entry.getValue();
            }
        }
        return MISSING;
    }

    /** Python's {@code item in container}. */
    static boolean contains(Object container, Object item) throws TemplateException {
        if (container instanceof Undefined) {
            return false; // Jinja's undefined iterates as empty
        }
        if (container instanceof String s) {
            if (!(item instanceof String part)) {
                throw new TemplateException("'in <string>' requires string as left operand, not " + typeName(item));
            }
            return s.contains(part);
        }
        if (container instanceof Map<?, ?> map) {
            if (!hashable(item)) {
                throw new TemplateException("unhashable type: '" + typeName(item) + "'");
            }
            return get(map, item) != MISSING;
        }
        if (container instanceof List || container instanceof PyTuple) {
            for (Object element : items(container)) {
                if (equal(element, item)) {
                    return true;
                }
            }
            return false;
        }
        throw new TemplateException("argument of type '" + typeName(container) + "' is not iterable");
    }

    /** What iterating the value gives: a sequence's items, a dict's keys, a string's characters. */
    @SuppressWarnings("unchecked")
    static List<Object> items(Object v) throws TemplateException {
        if (v instanceof List<?> list) {
            return (List<Object>) list;
        }
        if (v instanceof PyTuple t) {
            return t.items();
        }
        if (v instanceof Map<?, ?> map) {
            return new ArrayList<>(map.keySet());
        }
        if (v instanceof String s) {
            return PyStrings.characters(s);
        }
        if (v instanceof Undefined) {
            return List.of();
        }
        throw new TemplateException("'" + typeName(v) + "' object is not iterable");
    }

    /** Python's {@code len()}; Jinja's undefined has length 0. */
    static int length(Object v) throws TemplateException {
        if (v instanceof String s) {
            return PyStrings.length(s);
        }
        if (v instanceof Map<?, ?> map) {
            return map.size();
        }
        if (v instanceof List || v instanceof PyTuple || v instanceof Undefined) {
            return items(v).size();
        }
        throw new TemplateException("object of type '" + typeName(v) + "' has no len()");
    }

    /** Python's {@code str()}, with Jinja's empty string for undefined. */
    static String str(Object v) throws TemplateException {
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof Undefined) {
            return "";
        }
        BoundedText out = new BoundedText();
        repr(v, out);
        return out.toString();
    }

    /** Python's {@code repr()}, which lists and dicts use for their items. */
    static void repr(Object v, BoundedText out) throws TemplateException {
        if (v == null) {
            out.append("None");
        } else if (v instanceof Boolean b) {
            out.append(b ? "True" : "False");
        } else if (PyNumbers.isInt(v)) {
            out.append(PyNumbers.normalizeInt(v).toString());
        } else if (PyNumbers.isFloat(v)) {
            out.append(PyFloats.repr(PyNumbers.asDouble(v)));
        } else if (v instanceof String s) {
            reprString(s, out);
        } else if (v instanceof List<?> || v instanceof PyTuple) {
            boolean tuple = v instanceof PyTuple;
            List<Object> items = items(v);
            out.append(tuple ? '(' : '[');
            for (int i = 0; i < items.size(); i++) {
                out.append(i == 0 ? "" : ", ");
                repr(items.get(i), out);
            }
            out.append(tuple && items.size() == 1 ? ",)" : tuple ? ")" : "]");
        } else if (v instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                out.append(first ? "" : ", ");
                repr(entry.getKey(), out);
                out.append(": ");
                repr(entry.getValue(), out);
                first = false;
            }
            out.append('}');
        } else if (v instanceof Undefined) {
            out.append("Undefined");
        } else {
            known(v);
        }
    }

    /** Python's string repr: single quotes unless the text holds ' and no ", non-printable characters escaped. */
    private static void reprString(String s, BoundedText out) throws TemplateException {
        char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        out.append(quote);
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            if (c == quote || c == '\\') {
                out.append('\\').append((char) c);
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\t') {
                out.append("\\t");
            } else if (printable(c)) {
                out.append(new String(Character.toChars(c)));
            } else {
                out.append(c <= 0xff ? String.format("\\x%02x", c)
                        : c <= 0xffff ? String.format("\\u%04x", c) : String.format("\\U%08x", c));
            }
        }
        out.append(quote);
    }

    /** Python's {@code str.isprintable} for one character. */
    private static boolean printable(int c) {
        if (c == ' ') {
            return true;
        }
        return switch (Character.getType(c)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
                    Character.UNASSIGNED, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                    Character.SPACE_SEPARATOR -> false;
            default -> true;
        };
    }

    /** Refuses a value of a Java type templates do not know, without calling anything on it. */
    static void known(Object v) throws TemplateException {
        if ("unsupported value".equals(typeName(v))) {
            throw new TemplateException("a variable holds a value of a type templates cannot use");
        }
    }
}
