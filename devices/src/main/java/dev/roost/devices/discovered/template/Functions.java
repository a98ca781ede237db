package dev.roost.devices.discovered.template;

import static dev.roost.devices.discovered.template.Signature.ABSENT;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The global functions Home Assistant offers that discovery templates use: {@code float}, {@code int},
 * {@code bool} (forgiving conversions), {@code min}/{@code max} (of a sequence or of their arguments) and
 * {@code iif}. No other name can be called; {@code range}, {@code namespace}, {@code now} are refused.
 */
final class Functions {

    static final Map<String, Signature> SIGNATURES = signatures();

    private Functions() {
    }

    private static Map<String, Signature> signatures() {
        Map<String, Signature> s = new LinkedHashMap<>();
        s.put("float", Signature.of(1, "value", "default"));
        s.put("int", Signature.of(1, "value", "default", "base"));
        s.put("bool", Signature.of(1, "value", "default"));
        s.put("min", Signature.variadic(1));
        s.put("max", Signature.variadic(1));
        s.put("iif", Signature.of(1, "value", "if_true", "if_false", "if_none"));
        return java.util.Collections.unmodifiableMap(s);
    }

    static Object call(String name, Object[] a) throws TemplateException {
        return switch (name) {
            case "float" -> Conversions.toFloat(a[0], a[1]);
            case "int" -> Conversions.toInt(a[0], a[1], a[2]);
            case "bool" -> Conversions.toBool(a[0], a[1]);
            case "min", "max" -> extreme(name.equals("min"), a);
            case "iif" -> iif(a[0], a[1], a[2], a[3]);
            default -> throw new AssertionError("function without an implementation: " + name);
        };
    }

    /** HA's min_max_from_filter: one argument is the sequence itself, several are the items. */
    private static Object extreme(boolean min, Object[] a) throws TemplateException {
        Object items = a.length == 1 ? a[0] : new PyTuple(Arrays.asList(a));
        if (a.length == 1 && (items == null || PyNumbers.isNumber(items) || items instanceof Undefined)) {
            throw new TemplateException("'" + Py.typeName(items) + "' object is not iterable");
        }
        return Aggregates.extreme(items, min, ABSENT, ABSENT);
    }

    /** HA's iif: if_none when the value is None and if_none was given, else by truthiness (True/False by default). */
    static Object iif(Object value, Object ifTrue, Object ifFalse, Object ifNone) throws TemplateException {
        if (value == null && ifNone != ABSENT) {
            return ifNone;
        }
        if (Py.truthy(value)) {
            return ifTrue == ABSENT ? true : ifTrue;
        }
        return ifFalse == ABSENT ? false : ifFalse;
    }
}
