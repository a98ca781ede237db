package dev.roost.rules.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Commands a device by its id, written as {@code set: {device: smart-lights, value: {state: "ON"}}};
 * the engine sends {@code value} as JSON to the device's command topic.
 */
public record SetAction(String device, Map<String, Object> value) implements Action {

    public SetAction {
        // Keeps the order written and allows JSON nulls, since the value becomes a command payload as is.
        value = value == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(value));
    }
}
