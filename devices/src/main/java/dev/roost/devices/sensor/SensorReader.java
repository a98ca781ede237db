package dev.roost.devices.sensor;

/** Takes one reading from a sensor; a failure is reported as a {@link SensorException} saying why. */
@FunctionalInterface
public interface SensorReader {

    Reading read() throws SensorException;
}
