package dev.roost.devices.bridge;

import java.time.Instant;
import java.util.Map;

/**
 * What is known of one device right now: its declaration's essentials, last state, availability and when it
 * last reported anything (null before its first report).
 */
public record DeviceSnapshot(String id, String type, String name, Map<String, Object> state, boolean online,
                             Instant lastSeen) {

    public DeviceSnapshot {
        state = state == null ? Map.of() : Map.copyOf(state);
    }
}
