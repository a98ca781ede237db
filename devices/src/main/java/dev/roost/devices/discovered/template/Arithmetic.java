package dev.roost.devices.discovered.template;

import java.util.ArrayList;
import java.util.List;

/** Python's arithmetic and ordering on template values: ints stay ints, {@code /} always gives a float. */
final class Arithmetic {

    private Arithmetic() {
    }

    static Object apply(String operator, Object left, Object right) throws TemplateException {
        if (operator.equals("+") && left instanceof String a && right instanceof String b) {
            return a + b;
        }
        if (operator.equals("+") && left instanceof List<?> a && right instanceof List<?> b) {
            List<Object> joined = new ArrayList<>(a);
            joined.addAll(b);
            return joined;
        }
        if (!numeric(left) || !numeric(right)) {
            throw new TemplateException("cannot apply '" + operator + "' to " + PyValues.kind(left) + " and "
                    + PyValues.kind(right));
        }
        boolean ints = !(PyValues.number(asNumber(left)) instanceof Double)
                && !(PyValues.number(asNumber(right)) instanceof Double);
        double x = PyValues.toDouble(left);
        double y = PyValues.toDouble(right);
        if ((operator.equals("/") || operator.equals("//") || operator.equals("%")) && y == 0) {
            throw new TemplateException("division by zero");
        }
        if (ints && !operator.equals("/")) {
            long a = (long) x;
            long b = (long) y;
            return switch (operator) {
                case "+" -> a + b;
                case "-" -> a - b;
                case "*" -> a * b;
                case "//" -> Math.floorDiv(a, b);
                case "%" -> Math.floorMod(a, b);
                default -> b >= 0 ? (Object) (long) Math.pow(a, b) : (Object) Math.pow(a, b);
            };
        }
        return switch (operator) {
            case "+" -> x + y;
            case "-" -> x - y;
            case "*" -> x * y;
            case "/" -> x / y;
            case "//" -> Math.floor(x / y);
            case "%" -> x - y * Math.floor(x / y);
            default -> Math.pow(x, y);
        };
    }

    static boolean compare(String operator, Object left, Object right) throws TemplateException {
        int order;
        if (numeric(left) && numeric(right)) {
            order = Double.compare(PyValues.toDouble(left), PyValues.toDouble(right));
        } else if (left instanceof String a && right instanceof String b) {
            order = a.compareTo(b);
        } else {
            throw new TemplateException("cannot compare " + PyValues.kind(left) + " with " + PyValues.kind(right)
                    + " using '" + operator + "'");
        }
        return switch (operator) {
            case "<" -> order < 0;
            case ">" -> order > 0;
            case "<=" -> order <= 0;
            default -> order >= 0;
        };
    }

    private static boolean numeric(Object value) {
        return PyValues.isNumber(value) || value instanceof Boolean;
    }

    private static Number asNumber(Object value) {
        return value instanceof Boolean b ? (Number) (b ? 1L : 0L) : (Number) value;
    }
}
