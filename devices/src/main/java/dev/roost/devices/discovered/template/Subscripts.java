package dev.roost.devices.discovered.template;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code .name}, {@code [key]} and {@code [start:stop:step]} as Jinja's sandbox resolves them for plain data:
 * a dict gives its key, a list, tuple or string its item at an int index (negative from the end), and anything
 * missing gives undefined, also on undefined itself, so {@code value_json.missing.deeper} renders empty.
 * No Java attribute or method is ever looked up: {@code ''.__class__} is as undefined as any missing key.
 */
final class Subscripts {

    private Subscripts() {
    }

    static Object attribute(Object target, String name) throws TemplateException {
        if (target instanceof Map<?, ?> map) {
            Object value = Py.get(map, name);
            if (value != Py.MISSING) {
                return value;
            }
        }
        return missing(target, "attribute '" + name + "'");
    }

    static Object item(Object target, Object key) throws TemplateException {
        if (target instanceof Map<?, ?> map && Py.hashable(key)) {
            Object value = Py.get(map, key);
            if (value != Py.MISSING) {
                return value;
            }
        } else if ((target instanceof String || target instanceof List || target instanceof PyTuple)
                && PyNumbers.isInt(key)) {
            List<Object> items = Py.items(target);
            BigInteger index = PyNumbers.big(key);
            if (index.signum() < 0) {
                index = index.add(BigInteger.valueOf(items.size()));
            }
            if (index.signum() >= 0 && index.compareTo(BigInteger.valueOf(items.size())) < 0) {
                return items.get(index.intValue());
            }
        } else if (key instanceof String name) {
            return attribute(target, name);
        }
        return missing(target, "item " + Py.str(key));
    }

    static Object slice(Object target, Object start, Object stop, Object step) throws TemplateException {
        if (!(target instanceof String || target instanceof List || target instanceof PyTuple)
                || !sliceBound(start) || !sliceBound(stop) || !sliceBound(step)) {
            return missing(target, "slice");
        }
        List<Object> items = Py.items(target);
        int n = items.size();
        long by = step == null ? 1 : clamp(step);
        if (by == 0) {
            throw new TemplateException("slice step cannot be zero");
        }
        long from;
        long to;
        if (by > 0) {
            from = start == null ? 0 : adjust(clamp(start), n, 0, n);
            to = stop == null ? n : adjust(clamp(stop), n, 0, n);
        } else {
            from = start == null ? n - 1 : adjust(clamp(start), n, -1, n - 1);
            to = stop == null ? -1 : adjust(clamp(stop), n, -1, n - 1);
        }
        List<Object> out = new ArrayList<>();
        for (long i = from; by > 0 ? i < to : i > to; i += by) {
            out.add(items.get((int) i));
        }
        if (target instanceof String) {
            StringBuilder s = new StringBuilder();
            out.forEach(c -> s.append((String) c));
            return s.toString();
        }
        return target instanceof PyTuple ? new PyTuple(out) : out;
    }

    private static boolean sliceBound(Object v) {
        return v == null || PyNumbers.isInt(v);
    }

    private static long clamp(Object v) {
        return PyNumbers.big(v).max(BigInteger.valueOf(Integer.MIN_VALUE))
                .min(BigInteger.valueOf(Integer.MAX_VALUE)).longValue();
    }

    /** CPython's PySlice_AdjustIndices for one bound. */
    private static long adjust(long index, int n, long low, long high) {
        if (index < 0) {
            index += n;
            return index < 0 ? low : index;
        }
        return Math.min(index, high);
    }

    private static Undefined missing(Object target, String what) throws TemplateException {
        Py.known(target);
        if (target instanceof Undefined u) {
            return u;
        }
        return new Undefined("'" + Py.typeName(target) + "' object has no " + what);
    }
}
