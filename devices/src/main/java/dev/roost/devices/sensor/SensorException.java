package dev.roost.devices.sensor;

/**
 * A sensor read that failed: {@code missing} when the sensor is not there at all (unplugged, wrong address),
 * which makes the device unavailable, and false for a bad reading (CRC error) that is only skipped.
 */
public final class SensorException extends Exception {

    private final boolean missing;

    public SensorException(String message, boolean missing, Throwable cause) {
        super(message, cause);
        this.missing = missing;
    }

    public SensorException(String message, boolean missing) {
        this(message, missing, null);
    }

    public boolean missing() {
        return missing;
    }
}
