package dev.roost.devices.discovered.template;

import static dev.roost.devices.discovered.template.Signature.ABSENT;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The filters discovery templates use, as Jinja defines them, or as Home Assistant redefines them where it does
 * ({@code int float bool round} in {@link Conversions}, {@code to_json from_json is_defined iif}).
 */
final class Filters {

    /** Parameters after the filtered value, in Jinja's order. */
    static final Map<String, Signature> SIGNATURES = signatures();

    private Filters() {
    }

    private static Map<String, Signature> signatures() {
        Map<String, Signature> s = new LinkedHashMap<>();
        s.put("int", Signature.of(0, "default", "base"));
        s.put("float", Signature.of(0, "default"));
        s.put("bool", Signature.of(0, "default"));
        s.put("round", Signature.of(0, "precision", "method", "default"));
        for (String name : List.of("abs", "lower", "upper", "capitalize", "title", "string", "length", "count",
                "first", "last", "list", "is_defined")) {
            s.put(name, Signature.of(0));
        }
        s.put("trim", Signature.of(0, "chars"));
        s.put("replace", Signature.of(2, "old", "new", "count"));
        s.put("default", Signature.of(0, "default_value", "boolean"));
        s.put("d", s.get("default"));
        s.put("join", Signature.of(0, "d", "attribute"));
        s.put("tojson", Signature.of(0, "indent"));
        s.put("to_json", Signature.of(0, "ensure_ascii", "pretty_print", "sort_keys"));
        s.put("from_json", Signature.of(0, "default"));
        s.put("min", Signature.of(0, "case_sensitive", "attribute"));
        s.put("max", Signature.of(0, "case_sensitive", "attribute"));
        s.put("sum", Signature.of(0, "attribute", "start"));
        s.put("truncate", Signature.of(0, "length", "killwords", "end", "leeway"));
        s.put("iif", Signature.of(0, "if_true", "if_false", "if_none"));
        return Map.copyOf(s);
    }

    static Object apply(String name, Object value, Object[] a) throws TemplateException {
        switch (name) {
            case "int": return Conversions.toInt(value, a[0], a[1]);
            case "float": return Conversions.toFloat(value, a[0]);
            case "bool": return Conversions.toBool(value, a[0]);
            case "round": return Conversions.round(value, a[0], a[1], a[2]);
            case "abs": return abs(value);
            case "lower": return PyStrings.lower(Py.str(value));
            case "upper": return PyStrings.upper(Py.str(value));
            case "capitalize": return PyStrings.capitalize(Py.str(value));
            case "title": return PyStrings.title(Py.str(value));
            case "trim": return PyStrings.strip(Py.str(value), a[0] == ABSENT || a[0] == null ? null : Py.str(a[0]));
            case "replace": return PyStrings.replace(Py.str(value), Py.str(a[0]), Py.str(a[1]), count(a[2]));
            case "string": return Py.str(value);
            case "default", "d": return defaultValue(value, a[0], a[1]);
            case "length", "count": return (long) Py.length(value);
            case "first": return end(value, true);
            case "last": return end(value, false);
            case "list": return new ArrayList<>(Py.items(value));
            case "join": return join(value, a[0], a[1]);
            case "tojson": return JsonOut.jinja(value, a[0]);
            case "to_json": return JsonOut.homeAssistant(value, flag(a[0]), flag(a[1]), flag(a[2]));
            case "from_json": return JsonOut.parse(value, a[0]);
            case "min": return Aggregates.extreme(value, true, a[0], a[1]);
            case "max": return Aggregates.extreme(value, false, a[0], a[1]);
            case "sum": return Aggregates.sum(value, a[0], a[1]);
            case "is_defined": return definedOrFail(value);
            case "truncate": return truncate(value, a);
            case "iif": return Functions.iif(value, a[0], a[1], a[2]);
            default: throw new AssertionError("filter without an implementation: " + name);
        }
    }

    private static boolean flag(Object argument) throws TemplateException {
        return argument != ABSENT && Py.truthy(argument);
    }

    private static Object abs(Object value) throws TemplateException {
        if (!PyNumbers.isNumber(value)) {
            throw new TemplateException("bad operand type for abs(): '" + Py.typeName(value) + "'");
        }
        if (PyNumbers.isInt(value)) {
            return PyNumbers.big(value).signum() < 0 ? PyNumbers.negate(value) : PyNumbers.normalizeInt(value);
        }
        return Math.abs(PyNumbers.asDouble(value));
    }

    private static long count(Object argument) throws TemplateException {
        if (argument == ABSENT || argument == null) {
            return -1;
        }
        if (!PyNumbers.isInt(argument)) {
            throw new TemplateException("replace's count must be an int, not " + Py.typeName(argument));
        }
        return PyNumbers.big(argument).max(java.math.BigInteger.valueOf(-1))
                .min(java.math.BigInteger.valueOf(Long.MAX_VALUE)).longValue();
    }

    /** Jinja's default: replaces undefined only, or with boolean=true anything false (None, '', 0). */
    private static Object defaultValue(Object value, Object fallback, Object onlyFalsy) throws TemplateException {
        boolean replace = value instanceof Undefined || (flag(onlyFalsy) && !Py.truthy(value));
        return replace ? (fallback == ABSENT ? "" : fallback) : value;
    }

    private static Object end(Object value, boolean first) throws TemplateException {
        List<Object> items = Py.items(value);
        if (items.isEmpty()) {
            return new Undefined("the sequence was empty");
        }
        return items.get(first ? 0 : items.size() - 1);
    }

    private static Object join(Object value, Object separator, Object attribute) throws TemplateException {
        if (attribute != ABSENT && attribute != null) {
            throw new TemplateException("join's attribute argument is not supported");
        }
        String sep = separator == ABSENT ? "" : Py.str(separator);
        BoundedText out = new BoundedText();
        List<Object> items = Py.items(value);
        for (int i = 0; i < items.size(); i++) {
            out.append(i == 0 ? "" : sep).append(Py.str(items.get(i)));
        }
        return out.toString();
    }

    private static Object definedOrFail(Object value) throws TemplateException {
        if (value instanceof Undefined u) {
            throw new TemplateException(u.hint());
        }
        return value;
    }

    /** Jinja's truncate(length=255, killwords=False, end='...', leeway=5). */
    private static Object truncate(Object value, Object[] a) throws TemplateException {
        if (!(value instanceof String s)) {
            throw new TemplateException("truncate needs a string, not " + Py.typeName(value));
        }
        long length = a[0] == ABSENT ? 255 : requireInt(a[0], "length");
        String end = a[2] == ABSENT ? "..." : Py.str(a[2]);
        long leeway = a[3] == ABSENT || a[3] == null ? 5 : requireInt(a[3], "leeway");
        if (length < end.length() || leeway < 0) {
            throw new TemplateException("truncate needs length >= " + end.length() + " and leeway >= 0");
        }
        List<Object> chars = PyStrings.characters(s);
        if (chars.size() <= length + leeway) {
            return s;
        }
        StringBuilder kept = new StringBuilder();
        chars.subList(0, (int) (length - end.length())).forEach(c -> kept.append((String) c));
        String result = kept.toString();
        if (!flag(a[1])) {
            int space = result.lastIndexOf(' ');
            result = space < 0 ? result : result.substring(0, space);
        }
        return result + end;
    }

    static long requireInt(Object v, String what) throws TemplateException {
        if (!PyNumbers.isInt(v)) {
            throw new TemplateException(what + " must be an int, not " + Py.typeName(v));
        }
        return PyNumbers.big(v).max(java.math.BigInteger.valueOf(Integer.MIN_VALUE))
                .min(java.math.BigInteger.valueOf(Integer.MAX_VALUE)).longValue();
    }
}
