package dev.roost.devices.discovered.template;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static dev.roost.devices.discovered.template.PyValues.UNDEFINED;

/**
 * The filters, tests and functions templates may use, as Jinja and Home Assistant define them; every other name is
 * refused with a message naming it.
 */
final class Filters {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Filters() {
    }

    static Object apply(String name, Object value, List<Object> args) throws TemplateException {
        return switch (name) {
            case "int" -> toInt(value, arg(args, 0, 0L));
            case "float" -> toFloat(value, arg(args, 0, 0.0));
            case "round" -> round(value, ((Number) arg(args, 0, 0L)).intValue(), String.valueOf(arg(args, 1, "common")));
            case "abs" -> Arithmetic.apply("-", 0L, value) instanceof Number n && n.doubleValue() > 0
                    ? Arithmetic.apply("-", 0L, value) : value;
            case "lower" -> PyValues.str(value).toLowerCase(Locale.ROOT);
            case "upper" -> PyValues.str(value).toUpperCase(Locale.ROOT);
            case "trim" -> PyValues.str(value).strip();
            case "string" -> PyValues.str(value);
            case "replace" -> PyValues.str(value).replace(PyValues.str(arg(args, 0, "")),
                    PyValues.str(arg(args, 1, "")));
            case "default", "d" -> value == UNDEFINED || Boolean.TRUE.equals(arg(args, 1, false))
                    && !PyValues.truthy(value) ? arg(args, 0, "") : value;
            case "length", "count" -> length(value);
            case "tojson", "to_json" -> toJson(value);
            case "from_json" -> fromJson(value);
            case "bool" -> toBool(value, args.isEmpty() ? null : args.get(0));
            default -> throw new TemplateException("filter '" + name + "' is not supported");
        };
    }

    static boolean test(String name, Object value, List<Object> args) throws TemplateException {
        return switch (name) {
            case "defined" -> value != UNDEFINED;
            case "undefined" -> value == UNDEFINED;
            case "none" -> value == null;
            case "number" -> PyValues.isNumber(value);
            case "string" -> value instanceof String;
            case "boolean" -> value instanceof Boolean;
            case "mapping" -> value instanceof Map;
            case "true" -> Boolean.TRUE.equals(value);
            case "false" -> Boolean.FALSE.equals(value);
            case "eq", "equalto", "sameas" -> PyValues.equal(value, arg(args, 0, null));
            default -> throw new TemplateException("test '" + name + "' is not supported");
        };
    }

    static Object call(String name, List<Object> args) throws TemplateException {
        return switch (name) {
            case "float" -> toFloat(arg(args, 0, UNDEFINED), arg(args, 1, null));
            case "int" -> toInt(arg(args, 0, UNDEFINED), arg(args, 1, 0L));
            case "bool" -> toBool(arg(args, 0, UNDEFINED), args.size() > 1 ? args.get(1) : null);
            case "iif" -> {
                Object condition = arg(args, 0, null);
                if (condition == null && args.size() > 3) {
                    yield args.get(3);
                }
                yield PyValues.truthy(condition) ? arg(args, 1, true) : arg(args, 2, false);
            }
            default -> throw new TemplateException("function '" + name + "' is not supported");
        };
    }

    private static Object arg(List<Object> args, int index, Object fallback) {
        return index < args.size() ? args.get(index) : fallback;
    }

    private static Object toInt(Object value, Object fallback) {
        if (value instanceof Boolean b) {
            return b ? 1L : 0L;
        }
        if (PyValues.isNumber(value)) {
            return (long) ((Number) value).doubleValue();
        }
        if (value instanceof String text) {
            try {
                return Long.parseLong(text.strip());
            } catch (NumberFormatException e) {
                try {
                    return (long) Double.parseDouble(text.strip());
                } catch (NumberFormatException again) {
                    return fallback;
                }
            }
        }
        return fallback;
    }

    private static Object toFloat(Object value, Object fallback) throws TemplateException {
        if (PyValues.isNumber(value) || value instanceof Boolean) {
            return PyValues.toDouble(value);
        }
        if (value instanceof String text) {
            try {
                return Double.parseDouble(text.strip());
            } catch (NumberFormatException e) {
                // fall through to the default
            }
        }
        if (fallback == null) {
            throw new TemplateException("float got '" + PyValues.str(value) + "', which is not a number, and no default");
        }
        return fallback;
    }

    private static Object round(Object value, int precision, String method) throws TemplateException {
        if (!PyValues.isNumber(value)) {
            throw new TemplateException("round needs a number, not " + PyValues.kind(value));
        }
        RoundingMode mode = switch (method) {
            case "ceil" -> RoundingMode.CEILING;
            case "floor" -> RoundingMode.FLOOR;
            default -> RoundingMode.HALF_UP; // Jinja's 'common': halves away from zero
        };
        return new BigDecimal(Double.toString(((Number) value).doubleValue())).setScale(precision, mode).doubleValue();
    }

    private static Object length(Object value) throws TemplateException {
        if (value instanceof String text) {
            return (long) text.length();
        }
        if (value instanceof List<?> list) {
            return (long) list.size();
        }
        if (value instanceof Map<?, ?> map) {
            return (long) map.size();
        }
        throw new TemplateException("length needs text, a list or a dict, not " + PyValues.kind(value));
    }

    private static Object toBool(Object value, Object fallback) throws TemplateException {
        if (value instanceof Boolean) {
            return value;
        }
        if (PyValues.isNumber(value)) {
            return ((Number) value).doubleValue() != 0;
        }
        if (value instanceof String text) {
            String word = text.strip().toLowerCase(Locale.ROOT);
            if (List.of("true", "yes", "on", "enable", "1").contains(word)) {
                return true;
            }
            if (List.of("false", "no", "off", "disable", "0").contains(word)) {
                return false;
            }
        }
        if (fallback == null) {
            throw new TemplateException("bool got '" + PyValues.str(value) + "' and no default");
        }
        return fallback;
    }

    private static String toJson(Object value) throws TemplateException {
        try {
            return JSON.writeValueAsString(value == UNDEFINED ? null : value);
        } catch (JsonProcessingException e) {
            throw new TemplateException("cannot be written as JSON: " + e.getOriginalMessage());
        }
    }

    private static Object fromJson(Object value) throws TemplateException {
        try {
            return JSON.readValue(PyValues.str(value), Object.class);
        } catch (JsonProcessingException e) {
            throw new TemplateException("from_json got text that is not JSON: " + e.getOriginalMessage());
        }
    }
}
