package dev.roost.devices.config;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of device the hub can drive, with the name each has in the configuration file. */
public enum DeviceType {
    DIGITAL_IN("digital-in", Wiring.GPIO_PIN),
    DIGITAL_OUT("digital-out", Wiring.GPIO_PIN),
    PWM("pwm", Wiring.GPIO_PIN),
    /** 1-wire temperature sensor; the bus pin belongs to the kernel's w1-gpio overlay, the device is found by address. */
    DS18B20("ds18b20", Wiring.BUS_ADDRESS),
    /** I2C temperature/humidity/pressure sensor on the shared I2C bus, found by address. */
    BME280("bme280", Wiring.BUS_ADDRESS);

    /** How a device of this type is reached, which decides the field its declaration must fill. */
    public enum Wiring {
        /** Owns one GPIO pin, given as {@code pin}. */
        GPIO_PIN,
        /** Sits on a shared bus, given as {@code address}. */
        BUS_ADDRESS
    }

    private final String configName;
    private final Wiring wiring;

    DeviceType(String configName, Wiring wiring) {
        this.configName = configName;
        this.wiring = wiring;
    }

    /** The name used in configuration, e.g. {@code digital-out}. */
    public String configName() {
        return configName;
    }

    public Wiring wiring() {
        return wiring;
    }

    /** The type with this configuration name, or empty when no such type exists. */
    public static Optional<DeviceType> fromConfigName(String name) {
        return Arrays.stream(values()).filter(type -> type.configName.equals(name)).findFirst();
    }
}
