package dev.roost.devices.discovered.template;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Jinja's tests that discovery templates use: {@code x is defined}, {@code x is eq 'ON'}, {@code x is in [..]}. */
final class Tests {

    static final Map<String, Signature> SIGNATURES = signatures();

    private Tests() {
    }

    private static Map<String, Signature> signatures() {
        Map<String, Signature> s = new LinkedHashMap<>();
        for (String name : List.of("defined", "undefined", "none", "number", "string", "boolean", "mapping",
                "sequence", "true", "false")) {
            s.put(name, Signature.of(0));
        }
        s.put("eq", Signature.of(1, "other"));
        s.put("equalto", Signature.of(1, "other"));
        s.put("in", Signature.of(1, "seq"));
        return Map.copyOf(s);
    }

    static boolean test(String name, Object v, Object[] a) throws TemplateException {
        return switch (name) {
            case "defined" -> !(v instanceof Undefined);
            case "undefined" -> v instanceof Undefined;
            case "none" -> v == null;
            case "number" -> PyNumbers.isNumber(v); // bool is a number too, as in Jinja
            case "string" -> v instanceof String;
            case "boolean" -> v instanceof Boolean;
            case "mapping" -> v instanceof Map;
            // Jinja asks for len() and __getitem__, which strings, dicts and undefined all have.
            case "sequence" -> v instanceof String || v instanceof List || v instanceof PyTuple || v instanceof Map
                    || v instanceof Undefined;
            case "true" -> Boolean.TRUE.equals(v);
            case "false" -> Boolean.FALSE.equals(v);
            case "eq", "equalto" -> Py.equal(v, a[0]);
            case "in" -> Py.contains(a[0], v);
            default -> throw new AssertionError("test without an implementation: " + name);
        };
    }
}
