package dev.roost.hub.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.roost.devices.DeviceLayerSettings;
import dev.roost.devices.config.DeviceSpec;
import dev.roost.devices.discovery.HomeAssistantDiscovery;
import dev.roost.devices.sensor.ds18b20.Ds18b20Reader;
import dev.roost.devices.topic.DeviceTopics;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The {@code devices:} section: the devices wired to the Pi ({@code list}), the base of their topics, Home
 * Assistant discovery (published for Roost's devices, read for every other device's) and the 1-wire folder. The device declarations are checked as a whole by the loader.
 */
public record DevicesSettings(String baseTopic, boolean discovery, String discoveryPrefix, boolean readDiscovery,
                              Path w1Path, List<DeviceSpec> list) {

    @JsonCreator
    public DevicesSettings(@JsonProperty("baseTopic") String baseTopic,
                           @JsonProperty("discovery") Boolean discovery,
                           @JsonProperty("discoveryPrefix") String discoveryPrefix,
                           @JsonProperty("readDiscovery") Boolean readDiscovery,
                           @JsonProperty("w1Path") String w1Path,
                           @JsonProperty("list") List<DeviceSpec> list) {
        this(topic("devices.baseTopic", baseTopic, DeviceTopics.DEFAULT_BASE),
                discovery == null || discovery,
                topic("devices.discoveryPrefix", discoveryPrefix, HomeAssistantDiscovery.DEFAULT_PREFIX),
                readDiscovery == null || readDiscovery,
                w1Path != null ? Path.of(w1Path) : Ds18b20Reader.DEFAULT_BASE,
                // Entries may be null (an empty "- " line); the loader reports them with their line.
                list != null ? Collections.unmodifiableList(new ArrayList<>(list)) : List.of());
    }

    public static DevicesSettings defaults() {
        return new DevicesSettings(null, null, null, null, null, null);
    }

    /** What the device layer starts with. */
    public DeviceLayerSettings toLayerSettings(boolean simulate) {
        return new DeviceLayerSettings(list, baseTopic, discovery, discoveryPrefix, readDiscovery, w1Path, simulate);
    }

    private static String topic(String key, String value, String fallback) {
        if (value == null) {
            return fallback;
        }
        try {
            return new DeviceTopics(value).base(); // the same rules as any topic base
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException(key, e.getMessage());
        }
    }
}
