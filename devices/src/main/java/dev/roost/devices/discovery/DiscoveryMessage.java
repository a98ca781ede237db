package dev.roost.devices.discovery;

/** One retained Home Assistant discovery config: where it goes and its JSON. */
public record DiscoveryMessage(String topic, String json) {
}
