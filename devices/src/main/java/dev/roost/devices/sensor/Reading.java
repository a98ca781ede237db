package dev.roost.devices.sensor;

import java.util.LinkedHashMap;
import java.util.Map;

/** One reading of a sensor: named values in a stable order, e.g. {@code temperature=21.4, humidity=48.2}. */
public record Reading(Map<String, Double> values) {

    public Reading {
        values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public static Reading of(String name, double value) {
        return new Reading(Map.of(name, value));
    }

    /** Whether any value moved by at least {@code minChange} from {@code previous}, or the names differ. */
    public boolean differsFrom(Reading previous, double minChange) {
        if (previous == null || !previous.values.keySet().equals(values.keySet())) {
            return true;
        }
        for (Map.Entry<String, Double> value : values.entrySet()) {
            double delta = Math.abs(value.getValue() - previous.values.get(value.getKey()));
            // A minChange of 0 publishes every change, but not an identical value.
            if (minChange == 0 ? delta > 0 : delta >= minChange - 1e-9) {
                return true;
            }
        }
        return false;
    }
}
