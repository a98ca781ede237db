package dev.roost.rules.trigger;

import java.util.Map;

/** Finds the number a threshold compares in a parsed payload: the payload itself, or a field of a JSON object. */
final class Readings {

    private Readings() {
    }

    /**
     * The reading in {@code value}, or NaN when there is none: a number as is, text that is a number, the entry
     * {@code field} of a map, or without {@code field} a map's only number (e.g. {@code {"temperature":21.4}}).
     */
    static double of(Object value, String field) {
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        if (value instanceof String text) {
            return parse(text);
        }
        if (value instanceof Map<?, ?> map) {
            return field != null ? of(map.get(field), null) : onlyNumber(map);
        }
        return Double.NaN;
    }

    private static double onlyNumber(Map<?, ?> map) {
        double found = Double.NaN;
        for (Object entry : map.values()) {
            if (entry instanceof Number number) {
                if (!Double.isNaN(found)) {
                    return Double.NaN;
                }
                found = number.doubleValue();
            }
        }
        return found;
    }

    private static double parse(String text) {
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException notANumber) {
            // Text such as "ON" simply has no reading; the trigger ignores the message.
            return Double.NaN;
        }
    }
}
