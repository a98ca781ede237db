package dev.roost.devices;

import dev.roost.devices.config.DeviceSpec;
import dev.roost.devices.discovery.HomeAssistantDiscovery;
import dev.roost.devices.sensor.ds18b20.Ds18b20Reader;
import dev.roost.devices.topic.DeviceTopics;

import java.nio.file.Path;
import java.util.List;

/**
 * Everything the device layer is configured with.
 *
 * @param devices         the declared devices; empty means the demo devices when simulated, none on a Pi
 * @param baseTopic       the base of the topic contract, {@code home} by default
 * @param discovery       whether to publish Home Assistant discovery configs
 * @param discoveryPrefix where to publish them and read other devices' configs, {@code homeassistant} by default
 * @param discover        whether devices announcing themselves under the prefix become Roost devices
 * @param w1Path          the kernel's 1-wire devices folder
 * @param simulate        use the mock platform even on a Pi
 */
public record DeviceLayerSettings(List<DeviceSpec> devices, String baseTopic, boolean discovery,
                                  String discoveryPrefix, boolean discover, Path w1Path, boolean simulate) {

    public DeviceLayerSettings {
        devices = List.copyOf(devices);
    }

    /** No devices declared, default topics and paths, discovery published and read. */
    public static DeviceLayerSettings defaults(boolean simulate) {
        return new DeviceLayerSettings(List.of(), DeviceTopics.DEFAULT_BASE, true,
                HomeAssistantDiscovery.DEFAULT_PREFIX, true, Ds18b20Reader.DEFAULT_BASE, simulate);
    }
}
