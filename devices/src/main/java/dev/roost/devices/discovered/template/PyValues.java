package dev.roost.devices.discovered.template;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Values as Python sees them, for templates written for Home Assistant: truthiness, {@code str()} of each kind
 * ({@code True}, {@code None}, {@code 21.0}, {@code ['a', 1]}), numbers as integers or floats, and equality where
 * {@code 1 == 1.0}.
 */
final class PyValues {

    /** Jinja's undefined: renders empty, is false, and stays undefined through attributes and subscripts. */
    static final Object UNDEFINED = new Object() {
        @Override
        public String toString() {
            return "";
        }
    };

    private PyValues() {
    }

    static boolean truthy(Object value) {
        if (value == null || value == UNDEFINED) {
            return false;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof Number n) {
            return n.doubleValue() != 0;
        }
        if (value instanceof String s) {
            return !s.isEmpty();
        }
        if (value instanceof Map<?, ?> m) {
            return !m.isEmpty();
        }
        if (value instanceof List<?> l) {
            return !l.isEmpty();
        }
        return true;
    }

    static boolean isInteger(Object value) {
        return value instanceof Long || value instanceof Integer || value instanceof BigInteger
                || value instanceof Short || value instanceof Byte;
    }

    static boolean isNumber(Object value) {
        return value instanceof Number && !(value instanceof Boolean);
    }

    /** A Java number as the template's number: an integer as Long, anything else as Double. */
    static Object number(Number value) {
        if (value instanceof BigDecimal d) {
            return d.doubleValue();
        }
        if (value instanceof BigInteger i) {
            return i.bitLength() < 64 ? (Object) i.longValue() : (Object) i.doubleValue();
        }
        if (isInteger(value)) {
            return value.longValue();
        }
        return value.doubleValue();
    }

    /** Python's {@code str(value)}. */
    static String str(Object value) {
        if (value instanceof String s) {
            return s;
        }
        return repr(value);
    }

    /** Python's {@code repr(value)}, which lists and dicts use for their items. */
    static String repr(Object value) {
        if (value == UNDEFINED) {
            return "";
        }
        if (value == null) {
            return "None";
        }
        if (value instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (value instanceof String s) {
            return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
        }
        if (value instanceof Number n) {
            Object number = number(n);
            return number instanceof Double d ? floatText(d) : number.toString();
        }
        if (value instanceof List<?> list) {
            StringBuilder out = new StringBuilder("[");
            for (Iterator<?> it = list.iterator(); it.hasNext(); ) {
                out.append(repr(it.next())).append(it.hasNext() ? ", " : "");
            }
            return out.append(']').toString();
        }
        if (value instanceof Map<?, ?> map) {
            StringBuilder out = new StringBuilder("{");
            for (Iterator<? extends Map.Entry<?, ?>> it = map.entrySet().iterator(); it.hasNext(); ) {
                Map.Entry<?, ?> entry = it.next();
                out.append(repr(entry.getKey())).append(": ").append(repr(entry.getValue()))
                        .append(it.hasNext() ? ", " : "");
            }
            return out.append('}').toString();
        }
        return value.toString();
    }

    /** Python's float repr: shortest round-trip digits, always with a decimal point or exponent. */
    static String floatText(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e16) {
            return (long) d + ".0";
        }
        String text = Double.toString(d);
        if (text.contains("E")) {
            // Java's 1.0E-7 is Python's 1e-07.
            String[] parts = text.split("E");
            String mantissa = parts[0].endsWith(".0") ? parts[0].substring(0, parts[0].length() - 2) : parts[0];
            int exponent = Integer.parseInt(parts[1]);
            if (exponent >= -4 && exponent < 16) {
                return new BigDecimal(text).toPlainString();
            }
            return mantissa + "e" + (exponent < 0 ? "-" : "+") + String.format("%02d", Math.abs(exponent));
        }
        return text;
    }

    static boolean equal(Object a, Object b) {
        if (a == UNDEFINED || b == UNDEFINED) {
            return a == b;
        }
        if (isNumber(a) && isNumber(b)) {
            Object x = number((Number) a);
            Object y = number((Number) b);
            return x instanceof Long && y instanceof Long ? x.equals(y)
                    : ((Number) x).doubleValue() == ((Number) y).doubleValue();
        }
        if (a instanceof Boolean && isNumber(b) || isNumber(a) && b instanceof Boolean) {
            return toDouble(a) == toDouble(b);
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
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
        return a == null ? b == null : a.equals(b);
    }

    static double toDouble(Object value) {
        if (value instanceof Boolean b) {
            return b ? 1 : 0;
        }
        return ((Number) value).doubleValue();
    }

    static String kind(Object value) {
        if (value == UNDEFINED) {
            return "undefined";
        }
        if (value == null) {
            return "None";
        }
        if (value instanceof Boolean) {
            return "bool";
        }
        if (isNumber(value)) {
            return isInteger(value) ? "int" : "float";
        }
        if (value instanceof String) {
            return "str";
        }
        if (value instanceof List) {
            return "list";
        }
        return value instanceof Map ? "dict" : "object";
    }
}
