package dev.roost.devices.discovered.template;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.regex.Pattern;

/**
 * Python floats as text: {@code repr} (the shortest digits that read back to the same double, as Python 3
 * prints them: {@code 21.5}, {@code 21.0}, {@code 1e-07}, {@code 1e+16}), the form HA's {@code to_json} (orjson)
 * writes, and {@code float(str)} with Python's syntax.
 */
final class PyFloats {

    // float() takes an optional sign, digits with single underscores between them, a fraction, an exponent,
    // or inf/infinity/nan; Double.parseDouble would also take "1f" and "0x1p3".
    private static final Pattern PYTHON_FLOAT = Pattern.compile(
            "[+-]?((\\d(_?\\d)*)(\\.(\\d(_?\\d)*)?)?|\\.\\d(_?\\d)*)([eE][+-]?\\d(_?\\d)*)?");
    private static final Pattern SPECIAL = Pattern.compile("(?i)[+-]?(inf|infinity|nan)");
    private static final RoundingMode[] NEAREST_FIRST = {RoundingMode.HALF_EVEN, RoundingMode.DOWN, RoundingMode.UP};

    private PyFloats() {
    }

    /** Significant digits and point position of a finite, non-zero double: value = 0.digits × 10^point. */
    private record Digits(String digits, int point) {
    }

    static String repr(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        if (d == 0) {
            return 1 / d < 0 ? "-0.0" : "0.0";
        }
        Digits s = shortest(Math.abs(d));
        String sign = d < 0 ? "-" : "";
        // CPython's repr: exponent form when the point is 4 or more places left, or past 16 places right.
        if (s.point() <= -4 || s.point() > 16) {
            int exponent = s.point() - 1;
            return sign + mantissa(s.digits()) + "e" + (exponent < 0 ? "-" : "+")
                    + (Math.abs(exponent) < 10 ? "0" : "") + Math.abs(exponent);
        }
        return sign + fixed(s.digits(), s.point());
    }

    /** The way orjson (HA's {@code to_json}) writes a finite float: Ryu's layout, {@code 1e-7}, {@code 1e16}. */
    static String json(double d) {
        if (d == 0) {
            return 1 / d < 0 ? "-0.0" : "0.0";
        }
        Digits s = shortest(Math.abs(d));
        String sign = d < 0 ? "-" : "";
        if (s.point() > -5 && s.point() <= 16) {
            return sign + fixed(s.digits(), s.point());
        }
        return sign + mantissa(s.digits()) + "e" + (s.point() - 1);
    }

    private static String mantissa(String digits) {
        return digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
    }

    private static String fixed(String digits, int point) {
        if (point <= 0) {
            return "0." + "0".repeat(-point) + digits;
        }
        if (point >= digits.length()) {
            return digits + "0".repeat(point - digits.length()) + ".0";
        }
        return digits.substring(0, point) + "." + digits.substring(point);
    }

    /**
     * The fewest significant digits that read back as {@code d}, the nearest of them first, as Python's repr
     * chooses. Java 17's Double.toString is not always the shortest (4.9E-324 for Python's 5e-324), hence this.
     */
    private static Digits shortest(double d) {
        BigDecimal exact = new BigDecimal(d);
        for (int precision = 1; precision <= 17; precision++) {
            for (RoundingMode mode : NEAREST_FIRST) {
                BigDecimal candidate = exact.round(new MathContext(precision, mode));
                if (candidate.doubleValue() == d) {
                    BigDecimal stripped = candidate.stripTrailingZeros();
                    String digits = stripped.unscaledValue().toString();
                    return new Digits(digits, digits.length() - stripped.scale());
                }
            }
        }
        throw new AssertionError("17 significant digits always identify a double: " + d);
    }

    /** Python's {@code float(s)}; NumberFormatException where Python raises ValueError. */
    static double parse(String text) {
        String s = PyStrings.strip(text, null);
        if (SPECIAL.matcher(s).matches()) {
            if (PyStrings.lower(s).endsWith("nan")) {
                return Double.NaN;
            }
            return s.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (!PYTHON_FLOAT.matcher(s).matches()) {
            throw new NumberFormatException("could not convert string to float: '" + text + "'");
        }
        return Double.parseDouble(s.replace("_", ""));
    }
}
