package dev.roost.devices.config;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The kinds of device the hub can drive, with the name each has in the configuration file. */
public enum DeviceType {
    /** A contact, PIR or button; roles say what dashboards should show it as. */
    DIGITAL_IN("digital-in", Wiring.GPIO_PIN, List.of("generic", "contact", "motion")),
    /**
     * A relay, LED or lock solenoid; a {@code lock} speaks LOCK/UNLOCK instead of ON/OFF, a {@code thermostat} (a
     * heating relay) also holds a set point.
     */
    DIGITAL_OUT("digital-out", Wiring.GPIO_PIN, List.of("switch", "lock", "thermostat")),
    PWM("pwm", Wiring.GPIO_PIN, List.of()),
    /** 1-wire temperature sensor; the bus pin belongs to the kernel's w1-gpio overlay, the device is found by address. */
    DS18B20("ds18b20", Wiring.BUS_ADDRESS, List.of()),
    /** I2C temperature/humidity/pressure sensor on the shared I2C bus, found by address. */
    BME280("bme280", Wiring.BUS_ADDRESS, List.of());

    /** How a device of this type is reached, which decides the field its declaration must fill. */
    public enum Wiring {
        /** Owns one GPIO pin, given as {@code pin}. */
        GPIO_PIN,
        /** Sits on a shared bus, given as {@code address}. */
        BUS_ADDRESS
    }

    private final String configName;
    private final Wiring wiring;
    private final List<String> roles;

    DeviceType(String configName, Wiring wiring, List<String> roles) {
        this.configName = configName;
        this.wiring = wiring;
        this.roles = roles;
    }

    /** The name used in configuration, e.g. {@code digital-out}. */
    public String configName() {
        return configName;
    }

    public Wiring wiring() {
        return wiring;
    }

    /** The roles a declaration may name, the default first; empty when the type has no roles. */
    public List<String> roles() {
        return roles;
    }

    /** The role of a declaration of this type: the one it names, or the default. */
    public String roleOf(DeviceSpec spec) {
        return spec.role() != null ? spec.role() : roles.isEmpty() ? "" : roles.get(0);
    }

    /** True for the types that read a value periodically rather than watch a pin. */
    public boolean isPolledSensor() {
        return this == DS18B20 || this == BME280;
    }

    /** The type with this configuration name, or empty when no such type exists. */
    public static Optional<DeviceType> fromConfigName(String name) {
        return Arrays.stream(values()).filter(type -> type.configName.equals(name)).findFirst();
    }
}
