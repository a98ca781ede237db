package dev.roost.devices.device;

import java.util.Map;

/** Where a device reports what happens to it; the bridge turns these into MQTT messages. */
public interface DeviceEvents {

    /** The device's whole current state, e.g. {@code {state=ON, brightness=40}}. */
    void state(String deviceId, Map<String, Object> state);

    /** The device became reachable ({@code true}) or stopped answering ({@code false}). */
    void availability(String deviceId, boolean online);

    /** A fault of the device itself, such as a failed sensor read. */
    void error(String deviceId, String field, String detail);
}
