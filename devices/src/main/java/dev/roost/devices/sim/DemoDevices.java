package dev.roost.devices.sim;

import dev.roost.devices.config.DeviceSpec;

import java.util.List;

/**
 * The devices of the classic demo scene, used by {@code --simulate} and whenever no Raspberry Pi is found.
 * Their ids are a contract: tests and tools outside the project rely on them.
 */
public final class DemoDevices {

    public static final String TEMPERATURE = "temperature";
    public static final String THERMOSTAT = "thermostat";
    public static final String SMART_LOCK = "smart-lock";
    public static final String SMART_LIGHTS = "smart-lights";
    public static final String FRONT_DOOR = "front-door";
    public static final String MOTION = "motion";

    private DemoDevices() {
    }

    /** The demo declarations, wired as they would be on a real Pi (valid for {@code DeviceConfigValidator}). */
    public static List<DeviceSpec> specs() {
        return List.of(
                new DeviceSpec(TEMPERATURE, "ds18b20", "Living room temperature", null, "28-000000000001", null,
                        null, null, null, null, null, null, null, 10, 0.1),
                new DeviceSpec(THERMOSTAT, "digital-out", "Heating", 17, null, null, "thermostat", null, null, null,
                        "OFF", "OFF", null, null, null),
                new DeviceSpec(SMART_LOCK, "digital-out", "Front door lock", 27, null, null, "lock", null, null,
                        null, "LOCKED", "LOCKED", null, null, null),
                new DeviceSpec(SMART_LIGHTS, "pwm", "Living room lights", 18, null, null, null, null, null, null,
                        null, null, 1000, null, null),
                new DeviceSpec(FRONT_DOOR, "digital-in", "Front door", 22, null, null, "contact", "up", null, 50,
                        null, null, null, null, null),
                new DeviceSpec(MOTION, "digital-in", "Hallway motion", 23, null, null, "motion", "down", null, 50,
                        null, null, null, null, null));
    }
}
