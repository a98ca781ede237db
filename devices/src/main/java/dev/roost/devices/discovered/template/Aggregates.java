package dev.roost.devices.discovered.template;

import static dev.roost.devices.discovered.template.Signature.ABSENT;

import java.util.List;

/** Jinja's {@code min}, {@code max} and {@code sum} over a sequence, shared by the filters and HA's functions. */
final class Aggregates {

    private Aggregates() {
    }

    /** Jinja's do_min/do_max: strings compared ignoring case unless case_sensitive; the item itself is returned. */
    static Object extreme(Object value, boolean min, Object caseSensitive, Object attribute) throws TemplateException {
        if (attribute != ABSENT && attribute != null) {
            throw new TemplateException((min ? "min" : "max") + "'s attribute argument is not supported");
        }
        boolean exact = caseSensitive != ABSENT && Py.truthy(caseSensitive);
        List<Object> items = Py.items(value);
        if (items.isEmpty()) {
            return new Undefined("no aggregated item, the sequence was empty");
        }
        Object best = items.get(0);
        for (Object item : items.subList(1, items.size())) {
            boolean better = Operators.compare(min ? "<" : ">", key(item, exact), key(best, exact));
            if (better) {
                best = item;
            }
        }
        return best;
    }

    private static Object key(Object item, boolean exact) {
        return !exact && item instanceof String s ? PyStrings.lower(s) : item;
    }

    /** Jinja's do_sum: start (0) plus every item, with Python's +. */
    static Object sum(Object value, Object attribute, Object start) throws TemplateException {
        if (attribute != ABSENT && attribute != null) {
            throw new TemplateException("sum's attribute argument is not supported");
        }
        Object total = start == ABSENT ? 0L : start;
        for (Object item : Py.items(value)) {
            total = Operators.arithmetic("+", total, item);
        }
        return total;
    }
}
