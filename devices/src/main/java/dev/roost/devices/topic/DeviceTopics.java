package dev.roost.devices.topic;

import java.util.Optional;

/**
 * Builds the MQTT topics of the device contract under one configurable base:
 * state {@code <base>/<id>}, command {@code <base>/<id>/set}, availability {@code <base>/<id>/availability}
 * and error {@code <base>/<id>/error}.
 *
 * <p>Immutable and thread-safe.
 */
public final class DeviceTopics {

    /** The base of the topic contract when the configuration does not name one. */
    public static final String DEFAULT_BASE = "home";

    private static final String SET = "set";
    private static final String AVAILABILITY = "availability";
    private static final String ERROR = "error";

    private final String base;

    /** Topics under the default base {@code home}. */
    public DeviceTopics() {
        this(DEFAULT_BASE);
    }

    /**
     * Topics under {@code base}, which may have several levels ({@code site/home}).
     *
     * @throws IllegalArgumentException if the base is empty, starts or ends with '/', or holds a wildcard
     */
    public DeviceTopics(String base) {
        if (base == null || base.isEmpty() || base.startsWith("/") || base.endsWith("/")) {
            throw new IllegalArgumentException("topic base must be non-empty without leading or trailing '/': " + base);
        }
        // A topic name must not contain wildcard characters [MQTT-4.7.1-1]; the base is part of every name.
        if (base.contains("+") || base.contains("#") || base.indexOf('\u0000') >= 0) {
            throw new IllegalArgumentException("topic base must not contain '+', '#' or NUL: " + base);
        }
        this.base = base;
    }

    public String base() {
        return base;
    }

    /** The retained JSON state of a device, e.g. {@code home/smart-lights}. */
    public String state(String deviceId) {
        return base + "/" + level(deviceId);
    }

    /** Where commands for a device arrive, e.g. {@code home/smart-lights/set}. */
    public String command(String deviceId) {
        return state(deviceId) + "/" + SET;
    }

    /** {@code online}/{@code offline} of a device, e.g. {@code home/smart-lights/availability}. */
    public String availability(String deviceId) {
        return state(deviceId) + "/" + AVAILABILITY;
    }

    /** Where a device reports faults such as a sensor read failure, e.g. {@code home/smart-lights/error}. */
    public String error(String deviceId) {
        return state(deviceId) + "/" + ERROR;
    }

    /** One subscription filter that receives the commands of every device, e.g. {@code home/+/set}. */
    public String allCommandsFilter() {
        return base + "/+/" + SET;
    }

    /** The device a command topic addresses, or empty when the topic is not a command topic under this base. */
    public Optional<String> deviceOfCommand(String topic) {
        String prefix = base + "/";
        String suffix = "/" + SET;
        if (topic == null || !topic.startsWith(prefix) || !topic.endsWith(suffix)
                || topic.length() <= prefix.length() + suffix.length()) {
            return Optional.empty();
        }
        String id = topic.substring(prefix.length(), topic.length() - suffix.length());
        return id.contains("/") ? Optional.empty() : Optional.of(id);
    }

    private static String level(String deviceId) {
        // A device id is exactly one topic level; anything else would address another device's topics.
        if (deviceId == null || deviceId.isEmpty() || deviceId.contains("/")
                || deviceId.contains("+") || deviceId.contains("#")) {
            throw new IllegalArgumentException("not a device id: " + deviceId);
        }
        return deviceId;
    }
}
