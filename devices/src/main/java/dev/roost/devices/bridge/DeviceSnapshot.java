package dev.roost.devices.bridge;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What is known of one device right now, whether Roost drives it or it announced itself through discovery: its
 * essentials, last state, availability and when it last reported anything (null before its first report).
 *
 * @param source       {@link #ROOST} or {@link #DISCOVERY}
 * @param area         where it is, when known; manufacturer and model likewise null when unknown
 * @param fields       what its state holds, with units and which can be commanded
 * @param problems     what of its announcement could not be used, in words
 */
public record DeviceSnapshot(String id, String type, String name, Map<String, Object> state, boolean online,
                             Instant lastSeen, String source, String area, String manufacturer, String model,
                             List<Field> fields, List<String> problems) {

    public static final String ROOST = "roost";
    public static final String DISCOVERY = "discovery";

    public DeviceSnapshot {
        state = state == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(state));
        fields = List.copyOf(fields);
        problems = List.copyOf(problems);
    }

    /** One of Roost's own devices. */
    public DeviceSnapshot(String id, String type, String name, Map<String, Object> state, boolean online,
                          Instant lastSeen) {
        this(id, type, name, state, online, lastSeen, ROOST, null, null, null, List.of(), List.of());
    }

    /**
     * One field of a device's state.
     *
     * @param key          its name in the state and in commands
     * @param component    the Home Assistant component it comes from ({@code sensor}, {@code light}, ...)
     * @param commandable  whether a command may set it
     */
    public record Field(String key, String component, String name, String unit, String deviceClass,
                        boolean commandable) {
    }
}
