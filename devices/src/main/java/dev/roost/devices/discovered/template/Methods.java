package dev.roost.devices.discovered.template;

import static dev.roost.devices.discovered.template.Signature.ABSENT;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The few pure methods of Python's str and dict that discovery templates call ({@code value.split(',')},
 * {@code value_json.get('progress', 'null')}), written by hand. No method of any Java object is ever called:
 * these names are the whole list, checked when the template is compiled.
 */
final class Methods {

    private static final List<String> STRING_METHODS = List.of("lower", "upper", "strip", "startswith", "endswith",
            "replace", "split");

    static final Map<String, Signature> SIGNATURES = signatures();

    private Methods() {
    }

    private static Map<String, Signature> signatures() {
        Map<String, Signature> s = new LinkedHashMap<>();
        s.put("lower", Signature.of(0));
        s.put("upper", Signature.of(0));
        s.put("strip", Signature.of(0, "chars"));
        s.put("startswith", Signature.of(1, "prefix"));
        s.put("endswith", Signature.of(1, "suffix"));
        s.put("replace", Signature.of(2, "old", "new", "count"));
        s.put("split", Signature.of(0, "sep", "maxsplit"));
        s.put("get", Signature.of(1, "key", "default"));
        s.put("keys", Signature.of(0));
        s.put("values", Signature.of(0));
        s.put("items", Signature.of(0));
        return Map.copyOf(s);
    }

    static Object call(Object target, String name, Object[] a) throws TemplateException {
        if (target instanceof String s && STRING_METHODS.contains(name)) {
            return stringMethod(s, name, a);
        }
        if (target instanceof Map<?, ?> map && !STRING_METHODS.contains(name)) {
            return dictMethod(map, name, a);
        }
        if (target instanceof Undefined u) {
            throw new TemplateException("cannot call " + name + "() on an undefined value (" + u.hint() + ")");
        }
        throw new TemplateException("'" + Py.typeName(target) + "' object has no method '" + name + "'");
    }

    private static Object stringMethod(String s, String name, Object[] a) throws TemplateException {
        switch (name) {
            case "lower": return PyStrings.lower(s);
            case "upper": return PyStrings.upper(s);
            case "strip": return PyStrings.strip(s, a[0] == ABSENT || a[0] == null ? null : string(a[0], name));
            case "startswith": return affixes(a[0], name).stream().anyMatch(s::startsWith);
            case "endswith": return affixes(a[0], name).stream().anyMatch(s::endsWith);
            case "replace":
                long count = a[2] == ABSENT ? -1 : Filters.requireInt(a[2], "replace's count");
                return PyStrings.replace(s, string(a[0], name), string(a[1], name), count);
            default:
                String sep = a[0] == ABSENT || a[0] == null ? null : string(a[0], name);
                if (sep != null && sep.isEmpty()) {
                    throw new TemplateException("split's separator is empty");
                }
                return PyStrings.split(s, sep, a[1] == ABSENT ? -1 : Filters.requireInt(a[1], "split's maxsplit"));
        }
    }

    private static Object dictMethod(Map<?, ?> map, String name, Object[] a) throws TemplateException {
        switch (name) {
            case "get":
                Object value = Py.hashable(a[0]) ? Py.get(map, a[0]) : Py.MISSING;
                if (!Py.hashable(a[0])) {
                    throw new TemplateException("unhashable type: '" + Py.typeName(a[0]) + "'");
                }
                return value != Py.MISSING ? value : a[1] == ABSENT ? null : a[1];
            case "keys":
                return new ArrayList<Object>(map.keySet());
            case "values":
                return new ArrayList<Object>(map.values());
            default:
                List<Object> items = new ArrayList<>();
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    items.add(new PyTuple(java.util.Arrays.asList(entry.getKey(), entry.getValue())));
                }
                return items;
        }
    }

    private static String string(Object v, String method) throws TemplateException {
        if (!(v instanceof String s)) {
            throw new TemplateException(method + "() needs a str argument, not " + Py.typeName(v));
        }
        return s;
    }

    /** startswith/endswith take a str or a tuple of them. */
    private static List<String> affixes(Object v, String method) throws TemplateException {
        if (v instanceof PyTuple t) {
            List<String> all = new ArrayList<>();
            for (Object item : t.items()) {
                all.add(string(item, method));
            }
            return all;
        }
        return List.of(string(v, method));
    }
}
