package dev.roost.devices.sensor;

import com.pi4j.context.Context;
import dev.roost.devices.config.DeviceSpec;
import dev.roost.devices.config.DeviceType;
import dev.roost.devices.sensor.bme280.Bme280Reader;
import dev.roost.devices.sensor.ds18b20.Ds18b20Reader;

import java.nio.file.Path;

/**
 * Real sensors: DS18B20s from the kernel's 1-wire folder, BME280s over Pi4J's I2C.
 *
 * @param w1Base the w1 devices folder, {@link Ds18b20Reader#DEFAULT_BASE} on a Pi
 */
public record HardwareSensors(Context pi4j, Path w1Base) implements SensorSource {

    /** The I2C bus brought out on header pins 3 and 5 of every Pi since the Model B rev 2. */
    public static final int DEFAULT_I2C_BUS = 1;

    @Override
    public SensorReader readerFor(DeviceSpec spec, DeviceType type) {
        return switch (type) {
            case DS18B20 -> new Ds18b20Reader(w1Base, spec.address());
            case BME280 -> new Bme280Reader(pi4j, spec.id(), spec.bus() != null ? spec.bus() : DEFAULT_I2C_BUS,
                    Integer.decode(spec.address()));
            default -> throw new IllegalArgumentException(type.configName() + " is not a polled sensor");
        };
    }
}
