package dev.roost.devices.discovered;

/** One message a command turns into: exactly the topic and payload the device's config asks for. */
public record Outgoing(String topic, String payload, int qos, boolean retain) {
}
