package dev.roost.devices.discovered.template;

import java.util.ArrayList;
import java.util.List;

/**
 * Python's binary operators on template values: arithmetic with the numeric tower, {@code +} joining two
 * strings or two lists, {@code *} repeating them, Jinja's {@code ~}, comparisons (ordering an int against a str
 * is an error, as in Python) and {@code in}. Strings and lists built here are held to {@link Limits#MAX_OUTPUT}.
 */
final class Operators {

    private Operators() {
    }

    static Object arithmetic(String op, Object a, Object b) throws TemplateException {
        if (op.equals("~")) {
            String left = Py.str(a);
            String right = Py.str(b);
            BoundedText.check((long) left.length() + right.length());
            return left + right;
        }
        if (PyNumbers.isNumber(a) && PyNumbers.isNumber(b)) {
            return switch (op) {
                case "+" -> PyNumbers.add(a, b);
                case "-" -> PyNumbers.subtract(a, b);
                case "*" -> PyNumbers.multiply(a, b);
                case "/" -> PyNumbers.trueDivide(a, b);
                case "//" -> PyNumbers.floorDivide(a, b);
                case "%" -> PyNumbers.modulo(a, b);
                case "**" -> PyNumbers.power(a, b);
                default -> throw new AssertionError(op);
            };
        }
        if (op.equals("+") && a instanceof String x && b instanceof String y) {
            BoundedText.check((long) x.length() + y.length());
            return x + y;
        }
        if (op.equals("+") && ((a instanceof List && b instanceof List) || (a instanceof PyTuple && b instanceof PyTuple))) {
            List<Object> joined = new ArrayList<>(Py.items(a));
            BoundedText.check((long) joined.size() + Py.items(b).size());
            joined.addAll(Py.items(b));
            return a instanceof PyTuple ? new PyTuple(joined) : joined;
        }
        if (op.equals("*") && PyNumbers.isInt(b) && isRepeatable(a)) {
            return repeat(a, b);
        }
        if (op.equals("*") && PyNumbers.isInt(a) && isRepeatable(b)) {
            return repeat(b, a);
        }
        if (op.equals("%") && a instanceof String) {
            throw new TemplateException("string formatting with % is not supported");
        }
        throw new TemplateException("unsupported operand type(s) for " + op + ": '" + Py.typeName(a) + "' and '"
                + Py.typeName(b) + "'" + undefinedHint(a) + undefinedHint(b));
    }

    private static boolean isRepeatable(Object v) {
        return v instanceof String || v instanceof List || v instanceof PyTuple;
    }

    private static Object repeat(Object sequence, Object times) throws TemplateException {
        long n = Math.max(0, PyNumbers.big(times).max(java.math.BigInteger.ZERO)
                .min(java.math.BigInteger.valueOf(Limits.MAX_OUTPUT + 1L)).longValue());
        if (sequence instanceof String s) {
            BoundedText.check(s.length() * n);
            return s.repeat((int) n);
        }
        List<Object> items = Py.items(sequence);
        BoundedText.check(items.size() * n);
        List<Object> out = new ArrayList<>();
        for (long i = 0; i < n; i++) {
            out.addAll(items);
        }
        return sequence instanceof PyTuple ? new PyTuple(out) : out;
    }

    static boolean compare(String op, Object a, Object b) throws TemplateException {
        switch (op) {
            case "==":
                return Py.equal(a, b);
            case "!=":
                return !Py.equal(a, b);
            case "in":
                return Py.contains(b, a);
            case "not in":
                return !Py.contains(b, a);
            default:
                Integer order = order(op, a, b);
                if (order == null) {
                    return false;
                }
                return switch (op) {
                    case "<" -> order < 0;
                    case "<=" -> order <= 0;
                    case ">" -> order > 0;
                    default -> order >= 0;
                };
        }
    }

    /** Python's ordering; null when NaN makes the operands unordered. */
    private static Integer order(String op, Object a, Object b) throws TemplateException {
        if (PyNumbers.isNumber(a) && PyNumbers.isNumber(b)) {
            return PyNumbers.compare(a, b);
        }
        if (a instanceof String x && b instanceof String y) {
            return PyStrings.compare(x, y);
        }
        if ((a instanceof List && b instanceof List) || (a instanceof PyTuple && b instanceof PyTuple)) {
            List<Object> x = Py.items(a);
            List<Object> y = Py.items(b);
            for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
                if (!Py.equal(x.get(i), y.get(i))) {
                    return order(op, x.get(i), y.get(i));
                }
            }
            return Integer.compare(x.size(), y.size());
        }
        throw new TemplateException("'" + op + "' not supported between instances of '" + Py.typeName(a) + "' and '"
                + Py.typeName(b) + "'" + undefinedHint(a) + undefinedHint(b));
    }

    /** For an error on an undefined operand, which name was missing: the usual cause of the error. */
    static String undefinedHint(Object v) {
        return v instanceof Undefined u ? " (" + u.hint() + ")" : "";
    }
}
