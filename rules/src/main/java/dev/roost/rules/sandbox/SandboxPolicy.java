package dev.roost.rules.sandbox;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The allow-lists: which names an expression may start from, which static members it may use, and which
 * methods it may call on each kind of value. Every allowed method only reads, returns a string, number,
 * boolean, map, list, time or enum, and costs at most linear time in its receiver, so no call can reach a
 * {@code Class}, change state, or multiply the size of a string ({@code repeat}, {@code replace} and regular
 * expressions are left out for that reason). Immutable.
 */
final class SandboxPolicy {

    /** The bindings of ARCHITECTURE.md and the type each starts as. */
    static final Map<String, ValueType> BINDINGS = Map.of(
            "topic", ValueType.TEXT, "payload", ValueType.TEXT, "value", ValueType.ANY,
            "state", ValueType.MAP, "now", ValueType.TIME, "rule", ValueType.MAP);

    private static final Map<String, ValueType> MATH = methods(ValueType.NUMBER, "abs", "min", "max", "round",
            "floor", "ceil", "sqrt", "cbrt", "pow", "signum", "exp", "log", "log10", "hypot", "sin", "cos", "tan",
            "toRadians", "toDegrees");

    /** Static methods by class name; the class names are the only ones an expression may write. */
    private static final Map<String, Map<String, ValueType>> STATIC_METHODS = Map.of(
            "Math", MATH,
            "Integer", Map.of("parseInt", ValueType.NUMBER),
            "Long", Map.of("parseLong", ValueType.NUMBER),
            "Double", Map.of("parseDouble", ValueType.NUMBER),
            "String", Map.of("valueOf", ValueType.TEXT));

    private static final Map<String, Map<String, ValueType>> STATIC_FIELDS = Map.of(
            "Math", Map.of("PI", ValueType.NUMBER, "E", ValueType.NUMBER));

    private static final Map<ValueType, Map<String, ValueType>> METHODS = methodsByType();

    /** Methods whose cost is the receiver's length times the argument's, so the argument must be a literal. */
    private static final Set<String> SEARCHES = Set.of("contains", "indexOf", "lastIndexOf");

    private SandboxPolicy() {
    }

    static boolean isClassName(String name) {
        return STATIC_METHODS.containsKey(name);
    }

    /** The result type of {@code className.method(...)}, or null when it is not allowed. */
    static ValueType staticMethod(String className, String method) {
        return STATIC_METHODS.getOrDefault(className, Map.of()).get(method);
    }

    /** The type of {@code className.field}, or null when it is not allowed. */
    static ValueType staticField(String className, String field) {
        return STATIC_FIELDS.getOrDefault(className, Map.of()).get(field);
    }

    static boolean searches(String method) {
        return SEARCHES.contains(method);
    }

    /** The result type of {@code receiver.method(...)}, or null when that method is not allowed on it. */
    static ValueType method(ValueType receiver, String method) {
        return METHODS.get(receiver).get(method);
    }

    private static Map<ValueType, Map<String, ValueType>> methodsByType() {
        Map<String, ValueType> text = textMethods();
        Map<String, ValueType> number = withCommon(methods(ValueType.NUMBER, "intValue", "longValue", "doubleValue",
                "compareTo"));
        Map<String, ValueType> bool = withCommon(methods(ValueType.BOOLEAN, "booleanValue"));
        Map<String, ValueType> map = withCommon(collectionMethods());
        Map<String, ValueType> time = withCommon(methods(ValueType.NUMBER, "getHour", "getMinute", "getSecond",
                "getDayOfMonth", "getDayOfYear", "getMonthValue", "getYear", "toEpochSecond"));
        time.putAll(methods(ValueType.DAY_OR_MONTH, "getDayOfWeek", "getMonth"));
        Map<String, ValueType> enums = withCommon(methods(ValueType.NUMBER, "getValue", "ordinal"));
        enums.put("name", ValueType.TEXT);
        // A parsed value may be any of string, number, boolean, map or list; a method one of them lacks fails
        // at run time, which is safe because every name here is harmless on every type that can be reached.
        Map<String, ValueType> any = new HashMap<>(collectionMethods());
        any.put("contains", ValueType.BOOLEAN);
        for (Map<String, ValueType> table : List.of(text, number, bool)) {
            table.forEach((name, type) -> any.merge(name, type, (a, b) -> a == b ? a : ValueType.ANY));
        }
        Map<ValueType, Map<String, ValueType>> byType = new EnumMap<>(ValueType.class);
        byType.put(ValueType.TEXT, Map.copyOf(text));
        byType.put(ValueType.NUMBER, Map.copyOf(number));
        byType.put(ValueType.BOOLEAN, Map.copyOf(bool));
        byType.put(ValueType.MAP, Map.copyOf(map));
        byType.put(ValueType.TIME, Map.copyOf(time));
        byType.put(ValueType.DAY_OR_MONTH, Map.copyOf(enums));
        byType.put(ValueType.ANY, Map.copyOf(any));
        return byType;
    }

    private static Map<String, ValueType> textMethods() {
        Map<String, ValueType> text = withCommon(methods(ValueType.NUMBER, "length", "indexOf", "lastIndexOf",
                "compareTo"));
        text.putAll(methods(ValueType.BOOLEAN, "isEmpty", "isBlank", "startsWith", "endsWith", "contains",
                "equalsIgnoreCase"));
        text.putAll(methods(ValueType.TEXT, "toUpperCase", "toLowerCase", "trim", "strip", "substring"));
        return text;
    }

    private static Map<String, ValueType> collectionMethods() {
        return Map.of("get", ValueType.ANY, "containsKey", ValueType.BOOLEAN, "size", ValueType.NUMBER,
                "isEmpty", ValueType.BOOLEAN);
    }

    /** {@code toString} and {@code equals}, which every value has, added to a type's own methods. */
    private static Map<String, ValueType> withCommon(Map<String, ValueType> own) {
        Map<String, ValueType> table = new HashMap<>(own);
        table.put("toString", ValueType.TEXT);
        table.put("equals", ValueType.BOOLEAN);
        return table;
    }

    private static Map<String, ValueType> methods(ValueType result, String... names) {
        Map<String, ValueType> table = new HashMap<>();
        for (String name : names) {
            table.put(name, result);
        }
        return table;
    }
}
