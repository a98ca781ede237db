package dev.roost.devices.sensor;

import dev.roost.devices.config.DeviceSpec;
import dev.roost.devices.config.DeviceType;

/** Where the readings of polled sensors come from: the hardware, or the simulator. */
@FunctionalInterface
public interface SensorSource {

    /** The reader for one declared sensor of a {@link DeviceType#isPolledSensor() polled type}. */
    SensorReader readerFor(DeviceSpec spec, DeviceType type);
}
