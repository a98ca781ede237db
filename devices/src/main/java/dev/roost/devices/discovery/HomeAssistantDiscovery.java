package dev.roost.devices.discovery;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roost.devices.config.DeviceSpec;
import dev.roost.devices.config.DeviceType;
import dev.roost.devices.config.OutputStates;
import dev.roost.devices.topic.DeviceTopics;

import java.util.ArrayList;
import java.util.List;

/**
 * Home Assistant MQTT discovery: for each device, the retained config message(s) under
 * {@code <prefix>/<component>/roost/<object>/config} that make any discovery-aware dashboard show it with the
 * right kind, units, state, command and availability topics.
 *
 * <p>Immutable and thread-safe.
 */
public final class HomeAssistantDiscovery {

    public static final String DEFAULT_PREFIX = "homeassistant";
    private static final String NODE = "roost";

    private final String prefix;
    private final DeviceTopics topics;
    private final ObjectMapper json = new ObjectMapper();

    public HomeAssistantDiscovery(String prefix, DeviceTopics topics) {
        if (prefix == null || prefix.isBlank() || prefix.contains("+") || prefix.contains("#")) {
            throw new IllegalArgumentException("discovery prefix must be a topic without wildcards: " + prefix);
        }
        this.prefix = prefix;
        this.topics = topics;
    }

    /** The config messages of one device: one per value it publishes. */
    public List<DiscoveryMessage> messagesFor(DeviceSpec spec, DeviceType type) {
        List<DiscoveryMessage> messages = new ArrayList<>();
        switch (type) {
            case DIGITAL_IN -> messages.add(binarySensor(spec));
            case DIGITAL_OUT -> messages.add("lock".equals(type.roleOf(spec)) ? lock(spec) : switchEntity(spec));
            case PWM -> messages.add(light(spec));
            case DS18B20 -> messages.add(sensor(spec, "temperature", "temperature", "°C", false));
            case BME280 -> {
                messages.add(sensor(spec, "temperature", "temperature", "°C", true));
                messages.add(sensor(spec, "humidity", "humidity", "%", true));
                messages.add(sensor(spec, "pressure", "atmospheric_pressure", "hPa", true));
            }
        }
        return messages;
    }

    private DiscoveryMessage binarySensor(DeviceSpec spec) {
        ObjectNode config = base(spec, spec.id(), spec.displayName());
        config.put("value_template", "{{ value_json.state }}");
        config.put("payload_on", "ON");
        config.put("payload_off", "OFF");
        String role = DeviceType.DIGITAL_IN.roleOf(spec);
        if ("contact".equals(role)) {
            config.put("device_class", "door");
        } else if ("motion".equals(role)) {
            config.put("device_class", "motion");
        }
        return message("binary_sensor", spec.id(), config);
    }

    private DiscoveryMessage switchEntity(DeviceSpec spec) {
        ObjectNode config = commanded(spec);
        config.put("payload_on", "{\"state\":\"ON\"}");
        config.put("payload_off", "{\"state\":\"OFF\"}");
        config.put("state_on", OutputStates.SWITCH.active());
        config.put("state_off", OutputStates.SWITCH.inactive());
        return message("switch", spec.id(), config);
    }

    private DiscoveryMessage lock(DeviceSpec spec) {
        ObjectNode config = commanded(spec);
        config.put("payload_lock", "{\"state\":\"LOCK\"}");
        config.put("payload_unlock", "{\"state\":\"UNLOCK\"}");
        config.put("state_locked", OutputStates.LOCK.inactive());
        config.put("state_unlocked", OutputStates.LOCK.active());
        return message("lock", spec.id(), config);
    }

    private DiscoveryMessage light(DeviceSpec spec) {
        // The JSON schema speaks exactly our payloads: {"state":"ON","brightness":40} both ways.
        ObjectNode config = base(spec, spec.id(), spec.displayName());
        config.put("schema", "json");
        config.put("command_topic", topics.command(spec.id()));
        config.put("brightness", true);
        config.put("brightness_scale", 100);
        config.putArray("supported_color_modes").add("brightness");
        return message("light", spec.id(), config);
    }

    private DiscoveryMessage sensor(DeviceSpec spec, String key, String deviceClass, String unit, boolean suffixed) {
        String object = suffixed ? spec.id() + "_" + key : spec.id();
        ObjectNode config = base(spec, object, suffixed ? spec.displayName() + " " + key : spec.displayName());
        config.put("device_class", deviceClass);
        config.put("state_class", "measurement");
        config.put("unit_of_measurement", unit);
        config.put("value_template", "{{ value_json." + key + " }}");
        return message("sensor", object, config);
    }

    private ObjectNode commanded(DeviceSpec spec) {
        ObjectNode config = base(spec, spec.id(), spec.displayName());
        config.put("command_topic", topics.command(spec.id()));
        config.put("value_template", "{{ value_json.state }}");
        return config;
    }

    private ObjectNode base(DeviceSpec spec, String object, String name) {
        ObjectNode config = json.createObjectNode();
        config.put("name", name);
        config.put("unique_id", NODE + "_" + object.replace('-', '_'));
        config.put("state_topic", topics.state(spec.id()));
        config.put("availability_topic", topics.availability(spec.id()));
        config.put("payload_available", "online");
        config.put("payload_not_available", "offline");
        ObjectNode device = config.putObject("device");
        device.putArray("identifiers").add(NODE);
        device.put("name", "Roost");
        device.put("manufacturer", "Roost");
        device.put("model", "Roost hub");
        return config;
    }

    private DiscoveryMessage message(String component, String object, ObjectNode config) {
        return new DiscoveryMessage(prefix + "/" + component + "/" + NODE + "/" + object + "/config",
                config.toString());
    }
}
