package dev.roost.web.devices;

import java.time.Instant;
import java.util.Map;

/**
 * One device as the web UI shows it.
 *
 * @param lastSeen when the device last reported anything; null before its first report
 */
public record DeviceView(String id, String type, String name, Map<String, Object> state, boolean online,
                         Instant lastSeen) {

    public DeviceView {
        state = state == null ? Map.of() : Map.copyOf(state);
    }
}
