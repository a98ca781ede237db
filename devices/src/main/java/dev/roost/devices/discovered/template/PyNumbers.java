package dev.roost.devices.discovered.template;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;

/**
 * Python's numeric tower over Java values: an int is a Long, or a BigInteger past 64 bits (bool counts as an
 * int in arithmetic, as in Python); a float is a Double (a BigDecimal or Float from a caller counts as a float).
 * Results are always Long, BigInteger or Double, and ints wider than {@link Limits#MAX_INT_BITS} are refused.
 */
final class PyNumbers {

    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);
    private static final long EXACT_IN_DOUBLE = 1L << 53;

    private PyNumbers() {
    }

    static boolean isInt(Object v) {
        return v instanceof Long || v instanceof Integer || v instanceof BigInteger || v instanceof Boolean
                || v instanceof Short || v instanceof Byte;
    }

    static boolean isFloat(Object v) {
        return v instanceof Double || v instanceof Float || v instanceof BigDecimal;
    }

    static boolean isNumber(Object v) {
        return isInt(v) || isFloat(v);
    }

    static Object normalize(BigInteger value) {
        return value.compareTo(LONG_MIN) >= 0 && value.compareTo(LONG_MAX) <= 0 ? (Object) value.longValue() : value;
    }

    /** An int (as {@link #isInt} accepts it) as Long or BigInteger. */
    static Object normalizeInt(Object v) {
        return v instanceof BigInteger b ? normalize(b) : (Object) asLong(v);
    }

    static BigInteger big(Object v) {
        return v instanceof BigInteger b ? b : BigInteger.valueOf(asLong(v));
    }

    /** True when the int fits a long, so the fast paths apply. */
    static boolean isSmall(Object v) {
        return isInt(v) && !(v instanceof BigInteger);
    }

    static long asLong(Object v) {
        if (v instanceof Boolean b) {
            return b ? 1 : 0;
        }
        return ((Number) v).longValue();
    }

    /** Python's {@code float(x)} for a number. */
    static double asDouble(Object v) throws TemplateException {
        if (isFloat(v)) {
            return ((Number) v).doubleValue();
        }
        if (v instanceof BigInteger b) {
            double d = b.doubleValue();
            if (Double.isInfinite(d)) {
                throw new TemplateException("int too large to convert to float");
            }
            return d;
        }
        return (double) asLong(v);
    }

    static Object checked(BigInteger value) throws TemplateException {
        if (value.bitLength() > Limits.MAX_INT_BITS) {
            throw tooWide();
        }
        return normalize(value);
    }

    private static TemplateException tooWide() {
        return new TemplateException("integer result wider than " + Limits.MAX_INT_BITS + " bits");
    }

    static Object add(Object a, Object b) throws TemplateException {
        if (isInt(a) && isInt(b)) {
            if (isSmall(a) && isSmall(b)) {
                long x = asLong(a);
                long y = asLong(b);
                long r = x + y;
                if (((x ^ r) & (y ^ r)) >= 0) {
                    return r;
                }
            }
            return checked(big(a).add(big(b)));
        }
        return asDouble(a) + asDouble(b);
    }

    static Object subtract(Object a, Object b) throws TemplateException {
        if (isInt(a) && isInt(b)) {
            return add(a, negate(b));
        }
        return asDouble(a) - asDouble(b);
    }

    static Object multiply(Object a, Object b) throws TemplateException {
        if (isInt(a) && isInt(b)) {
            if (isSmall(a) && isSmall(b)) {
                long x = asLong(a);
                long y = asLong(b);
                long hi = Math.multiplyHigh(x, y);
                long lo = x * y;
                if ((hi == 0 && lo >= 0) || (hi == -1 && lo < 0)) {
                    return lo;
                }
            }
            BigInteger x = big(a);
            BigInteger y = big(b);
            if ((long) x.bitLength() + y.bitLength() > Limits.MAX_INT_BITS + 1L) {
                throw tooWide();
            }
            return checked(x.multiply(y));
        }
        return asDouble(a) * asDouble(b);
    }

    static Object negate(Object a) throws TemplateException {
        if (isInt(a)) {
            long x = asLong(a);
            return isSmall(a) && x != Long.MIN_VALUE ? (Object) (-x) : checked(big(a).negate());
        }
        return -asDouble(a);
    }

    /** Python's {@code /}: always a float, int / int correctly rounded. */
    static double trueDivide(Object a, Object b) throws TemplateException {
        if (isInt(a) && isInt(b)) {
            BigInteger y = big(b);
            if (y.signum() == 0) {
                throw divisionByZero();
            }
            BigInteger x = big(a);
            if (x.abs().bitLength() <= 53 && y.abs().bitLength() <= 53) {
                return x.doubleValue() / y.doubleValue();
            }
            double q = new BigDecimal(x).divide(new BigDecimal(y), MathContext.DECIMAL128).doubleValue();
            if (Double.isInfinite(q)) {
                throw new TemplateException("integer division result too large for a float");
            }
            return q;
        }
        double y = asDouble(b);
        if (y == 0) {
            throw divisionByZero();
        }
        return asDouble(a) / y;
    }

    /** Python's {@code //}: floor division; ints stay ints. */
    static Object floorDivide(Object a, Object b) throws TemplateException {
        if (isInt(a) && isInt(b)) {
            return normalize(intDivMod(a, b)[0]);
        }
        return floatDivMod(asDouble(a), asDouble(b))[0];
    }

    /** Python's {@code %} on numbers: the result takes the sign of the divisor. */
    static Object modulo(Object a, Object b) throws TemplateException {
        if (isInt(a) && isInt(b)) {
            return normalize(intDivMod(a, b)[1]);
        }
        return floatDivMod(asDouble(a), asDouble(b))[1];
    }

    private static BigInteger[] intDivMod(Object a, Object b) throws TemplateException {
        BigInteger y = big(b);
        if (y.signum() == 0) {
            throw divisionByZero();
        }
        BigInteger[] qr = big(a).divideAndRemainder(y);
        if (qr[1].signum() != 0 && qr[1].signum() != y.signum()) {
            qr[0] = qr[0].subtract(BigInteger.ONE);
            qr[1] = qr[1].add(y);
        }
        return qr;
    }

    /** CPython's float_divmod, so that -7.5 // 2 is -4.0 and -7.5 % 2 is 0.5. */
    private static double[] floatDivMod(double x, double y) throws TemplateException {
        if (y == 0) {
            throw divisionByZero();
        }
        double mod = x % y; // Java's % on doubles is C's fmod
        double div = (x - mod) / y;
        if (mod != 0) {
            if ((y < 0) != (mod < 0)) {
                mod += y;
                div -= 1.0;
            }
        } else {
            mod = Math.copySign(0.0, y);
        }
        double floor;
        if (div != 0) {
            floor = Math.floor(div);
            if (div - floor > 0.5) {
                floor += 1.0;
            }
        } else {
            floor = Math.copySign(0.0, x / y);
        }
        return new double[] {floor, mod};
    }

    /** Python's {@code **}: int ** non-negative int stays an int; a negative base to a fractional power is refused. */
    static Object power(Object a, Object b) throws TemplateException {
        if (isInt(a) && isInt(b) && big(b).signum() >= 0) {
            BigInteger base = big(a);
            BigInteger exponent = big(b);
            if (base.abs().compareTo(BigInteger.ONE) <= 0) {
                boolean oddPower = exponent.testBit(0);
                BigInteger r = base.signum() == 0 ? (exponent.signum() == 0 ? BigInteger.ONE : BigInteger.ZERO)
                        : base.signum() > 0 || !oddPower ? BigInteger.ONE : base;
                return normalize(r);
            }
            if (exponent.bitLength() > 31 || (long) base.abs().bitLength() * exponent.intValue() > Limits.MAX_INT_BITS + 64L) {
                throw tooWide();
            }
            return checked(base.pow(exponent.intValue()));
        }
        double x = asDouble(a);
        double y = asDouble(b);
        if (x == 0 && y < 0) {
            throw new TemplateException("0.0 cannot be raised to a negative power");
        }
        if (x < 0 && Double.isFinite(y) && y != Math.rint(y)) {
            throw new TemplateException("a negative number to a fractional power is complex, which templates do not support");
        }
        double r = Math.pow(x, y);
        if (Double.isInfinite(r) && Double.isFinite(x) && Double.isFinite(y)) {
            throw new TemplateException("numerical result out of range");
        }
        return r;
    }

    /** Compares two numbers exactly, as Python does (10**20 == 1e20); null when NaN makes them unordered. */
    static Integer compare(Object a, Object b) throws TemplateException {
        if (isInt(a) && isInt(b)) {
            return isSmall(a) && isSmall(b) ? Long.compare(asLong(a), asLong(b)) : big(a).compareTo(big(b));
        }
        if (isFloat(a) && isFloat(b)) {
            double x = asDouble(a);
            double y = asDouble(b);
            return Double.isNaN(x) || Double.isNaN(y) ? null : (x < y ? -1 : x > y ? 1 : 0);
        }
        boolean floatFirst = isFloat(a);
        double f = asDouble(floatFirst ? a : b);
        Object i = floatFirst ? b : a;
        if (Double.isNaN(f)) {
            return null;
        }
        int floatVersusInt;
        if (Double.isInfinite(f)) {
            floatVersusInt = f > 0 ? 1 : -1;
        } else if (isSmall(i) && Math.abs(asLong(i)) <= EXACT_IN_DOUBLE) {
            double x = asLong(i);
            floatVersusInt = f < x ? -1 : f > x ? 1 : 0;
        } else {
            floatVersusInt = new BigDecimal(f).compareTo(new BigDecimal(big(i)));
        }
        return floatFirst ? floatVersusInt : -floatVersusInt;
    }

    static TemplateException divisionByZero() {
        return new TemplateException("division by zero");
    }
}
