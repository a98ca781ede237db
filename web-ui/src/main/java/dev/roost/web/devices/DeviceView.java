package dev.roost.web.devices;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One device as the web UI shows it, whether Roost drives it or it announced itself through discovery.
 *
 * @param lastSeen when the device last reported anything; null before its first report
 * @param source   {@code roost} or {@code discovery}
 * @param area     where it is, when known; manufacturer and model likewise null when unknown
 * @param fields   what its state holds, with units and which can be commanded
 * @param problems what of its announcement could not be used, in words
 */
public record DeviceView(String id, String type, String name, Map<String, Object> state, boolean online,
                         Instant lastSeen, String source, String area, String manufacturer, String model,
                         List<Field> fields, List<String> problems) {

    public DeviceView {
        state = state == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(state));
        fields = List.copyOf(fields);
        problems = List.copyOf(problems);
    }

    /** One of Roost's own devices, described by its state alone. */
    public DeviceView(String id, String type, String name, Map<String, Object> state, boolean online,
                      Instant lastSeen) {
        this(id, type, name, state, online, lastSeen, "roost", null, null, null, List.of(), List.of());
    }

    /** One field of the state: its key, the kind it comes from, a label, its unit and whether it is commanded. */
    public record Field(String key, String component, String name, String unit, String deviceClass,
                        boolean commandable) {
    }
}
