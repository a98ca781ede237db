package dev.roost.rules.sandbox;

import java.util.List;
import java.util.Map;

/**
 * Reads {@code value.name} and {@code value[i]} for values whose type is only known at run time: a map's key or
 * a list's item, and nothing else. The sandbox compiles such reads to calls of this reader (bound as
 * {@link #BINDING}) rather than to MVEL's own property access, so no getter of any other object can be reached,
 * and reading a field of text or a number fails with a sentence a rule's author understands. Stateless.
 */
public final class FieldReader {

    /** The name the reader is bound to in compiled MVEL; the parser refuses it in the author's text. */
    static final String BINDING = "fields_";

    /** Called by compiled expressions; public only because MVEL calls it by reflection. */
    public Object read(Object target, Object key) {
        if (target instanceof Map<?, ?> map) {
            return map.get(key);
        }
        if (target instanceof List<?> list) {
            return item(list, key);
        }
        throw new FieldReadFailed("cannot read " + describeKey(key) + " of " + describe(target)
                + "; only JSON objects have fields and only JSON arrays have items");
    }

    private static Object item(List<?> list, Object key) {
        if (!(key instanceof Number number) || number.doubleValue() != number.longValue()) {
            throw new FieldReadFailed("cannot read " + describeKey(key) + " of a list; use a whole-number index");
        }
        long index = number.longValue();
        if (index < 0 || index >= list.size()) {
            throw new FieldReadFailed("index " + index + " is outside the list of " + list.size() + " items");
        }
        return list.get((int) index);
    }

    private static String describeKey(Object key) {
        return key instanceof String name ? "'" + name + "'" : "[" + key + "]";
    }

    private static String describe(Object target) {
        if (target == null) {
            return "null";
        }
        String kind = target instanceof String ? "the text" : target instanceof Number ? "the number"
                : target instanceof Boolean ? "the boolean" : "a " + target.getClass().getSimpleName();
        String shown = String.valueOf(target);
        return kind + " '" + (shown.length() > 40 ? shown.substring(0, 40) + "..." : shown) + "'";
    }

    /** A field read that cannot succeed; its message becomes the {@link EvaluationFailed} message. */
    static final class FieldReadFailed extends RuntimeException {

        private static final long serialVersionUID = 1L;

        FieldReadFailed(String message) {
            super(message);
        }
    }
}
