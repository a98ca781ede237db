package dev.roost.devices.discovered.template;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Set;

/**
 * Home Assistant's replacements for Jinja's {@code int}, {@code float}, {@code bool} and {@code round}
 * (helpers/template.py: forgiving_int, forgiving_float, forgiving_boolean, forgiving_round), used as filters and
 * as functions. Unlike Jinja's, they fail when the value does not convert and no default is given; a default
 * also stands in for an undefined value.
 */
final class Conversions {

    private static final Set<String> TRUE_WORDS = Set.of("1", "true", "yes", "on", "enable");
    private static final Set<String> FALSE_WORDS = Set.of("0", "false", "no", "off", "disable");

    private Conversions() {
    }

    /** Jinja's do_int (int(x), else int(float(x))) with HA's rule that a failure needs a default. */
    static Object toInt(Object value, Object fallback, Object base) throws TemplateException {
        Object result = intOrNull(value, base == Signature.ABSENT ? 10L : base);
        return result != null ? result : fallback(fallback, "int", value);
    }

    private static Object intOrNull(Object value, Object base) throws TemplateException {
        if (value instanceof String s && PyNumbers.isInt(base)) {
            Object parsed = parseInt(s, PyNumbers.asLong(base));
            if (parsed != null) {
                return parsed;
            }
        } else if (PyNumbers.isInt(value)) {
            return PyNumbers.normalizeInt(value);
        }
        try {
            double d = value instanceof String s ? PyFloats.parse(s) : PyNumbers.isFloat(value) ? PyNumbers.asDouble(value) : Double.NaN;
            if (Double.isNaN(d)) {
                return null;
            }
            if (Double.isInfinite(d)) {
                throw new TemplateException("cannot convert float infinity to integer");
            }
            return PyNumbers.normalize(new BigDecimal(d).toBigInteger());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Python's {@code int(s, base)}: whitespace, a sign, an optional 0x/0o/0b prefix, underscores between digits. */
    private static Object parseInt(String text, long base) {
        String s = PyStrings.strip(text, null).replace("_", "");
        if (text.contains("__") || text.startsWith("_") || text.endsWith("_") || base < 2 || base > 36) {
            return null;
        }
        boolean negative = s.startsWith("-");
        if (s.startsWith("-") || s.startsWith("+")) {
            s = s.substring(1);
        }
        String prefix = base == 16 ? "0x" : base == 8 ? "0o" : base == 2 ? "0b" : null;
        if (prefix != null && s.toLowerCase().startsWith(prefix)) {
            s = s.substring(2);
        }
        if (s.isEmpty() || !s.chars().allMatch(c -> Character.digit(c, (int) base) >= 0 && c < 128)) {
            return null;
        }
        BigInteger v = new BigInteger(s, (int) base);
        return PyNumbers.normalize(negative ? v.negate() : v);
    }

    static Object toFloat(Object value, Object fallback) throws TemplateException {
        if (PyNumbers.isNumber(value)) {
            return PyNumbers.asDouble(value);
        }
        if (value instanceof String s) {
            try {
                return PyFloats.parse(s);
            } catch (NumberFormatException e) {
                // falls through to the default
            }
        }
        return fallback(fallback, "float", value);
    }

    /** HA's cv.boolean: the words true/yes/on/enable/1 and false/no/off/disable/0, and numbers by being non-zero. */
    static Object toBool(Object value, Object fallback) throws TemplateException {
        if (value instanceof Boolean) {
            return value;
        }
        if (value instanceof String s) {
            String word = PyStrings.strip(PyStrings.lower(s), null);
            if (TRUE_WORDS.contains(word)) {
                return true;
            }
            if (FALSE_WORDS.contains(word)) {
                return false;
            }
        } else if (PyNumbers.isNumber(value)) {
            return !Py.equal(value, 0L);
        }
        return fallback(fallback, "bool", value);
    }

    /**
     * HA's round: Python's round (half to even, on the exact binary value) or ceil, floor, half; an int when the
     * precision is 0, so {@code 21.6|round} renders {@code 22} where Jinja's own would render {@code 22.0}.
     */
    static Object round(Object value, Object precisionArg, Object methodArg, Object fallback) throws TemplateException {
        Object precisionValue = precisionArg == Signature.ABSENT ? 0L : precisionArg;
        String method = methodArg == Signature.ABSENT ? "common" : Py.str(methodArg);
        Object number = toFloat(value, Py.MISSING);
        if (number == Py.MISSING || !PyNumbers.isInt(precisionValue)) {
            return fallback(fallback, "round", value);
        }
        double x = (Double) number;
        long precision = PyNumbers.asLong(precisionValue);
        if (Math.abs(precision) > 308) {
            throw new TemplateException("round precision " + precision + " is out of range");
        }
        double multiplier = Math.pow(10, precision);
        double rounded = switch (method) {
            case "ceil" -> Math.ceil(x * multiplier) / multiplier;
            case "floor" -> Math.floor(x * multiplier) / multiplier;
            case "half" -> Math.rint(x * 2) / 2;
            default -> Double.isFinite(x) ? new BigDecimal(x).setScale((int) precision, RoundingMode.HALF_EVEN).doubleValue() : x;
        };
        if ((method.equals("ceil") || method.equals("floor")) && !Double.isFinite(x * multiplier)) {
            if (Double.isNaN(x)) {
                return fallback(fallback, "round", value);
            }
            throw new TemplateException("cannot convert float infinity to integer");
        }
        if (precision != 0) {
            return rounded == 0 ? Math.copySign(0.0, x) : rounded;
        }
        if (Double.isNaN(rounded)) {
            return fallback(fallback, "round", value);
        }
        if (Double.isInfinite(rounded)) {
            throw new TemplateException("cannot convert float infinity to integer");
        }
        return PyNumbers.normalize(new BigDecimal(rounded).toBigInteger());
    }

    private static Object fallback(Object fallback, String function, Object value) throws TemplateException {
        if (fallback != Signature.ABSENT && fallback != Py.MISSING) {
            return fallback;
        }
        if (fallback == Py.MISSING) {
            return Py.MISSING;
        }
        throw new TemplateException(function + " got invalid input '" + Py.str(value) + "' and no default was given"
                + Operators.undefinedHint(value));
    }
}
