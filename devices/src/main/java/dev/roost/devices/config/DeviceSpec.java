package dev.roost.devices.config;

/**
 * One device as declared in the configuration file, before validation.
 *
 * <p>Fields hold what the user wrote, so that {@link DeviceConfigValidator} can explain every mistake:
 * {@code type} is the configuration name (e.g. {@code digital-out}), {@code pin} is the GPIO (BCM) number of a
 * pin-wired device and null otherwise, {@code address} is the bus address of a sensor (a 1-wire id such as
 * {@code 28-0316a2795cff}, or an I2C address such as {@code 0x76}) and null otherwise.
 */
public record DeviceSpec(String id, String type, Integer pin, String address) {

    /** A device wired to one GPIO pin: digital-in, digital-out or pwm. */
    public static DeviceSpec onPin(String id, String type, int pin) {
        return new DeviceSpec(id, type, pin, null);
    }

    /** A sensor on a shared bus: ds18b20 (1-wire) or bme280 (I2C). */
    public static DeviceSpec onBus(String id, String type, String address) {
        return new DeviceSpec(id, type, null, address);
    }
}
