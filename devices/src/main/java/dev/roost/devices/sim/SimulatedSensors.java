package dev.roost.devices.sim;

import dev.roost.devices.config.DeviceSpec;
import dev.roost.devices.config.DeviceType;
import dev.roost.devices.sensor.Reading;
import dev.roost.devices.sensor.SensorReader;
import dev.roost.devices.sensor.SensorSource;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Sensor readings for the simulator: a daily temperature curve for every DS18B20 and BME280, with humidity
 * falling as the room warms and a steady pressure, so dashboards and rules see plausible, moving values.
 */
public final class SimulatedSensors implements SensorSource {

    private final Clock clock;
    private final RandomGenerator random;

    public SimulatedSensors(Clock clock, RandomGenerator random) {
        this.clock = clock;
        this.random = random;
    }

    @Override
    public SensorReader readerFor(DeviceSpec spec, DeviceType type) {
        DailyTemperature temperature = new DailyTemperature(clock, random, 20.5, 1.5, 0.05);
        if (type == DeviceType.BME280) {
            return () -> {
                double celsius = temperature.now();
                Map<String, Double> values = new LinkedHashMap<>();
                values.put("temperature", Math.round(celsius * 100) / 100.0);
                values.put("humidity", Math.round((50.0 - (celsius - 20.5) * 3.0) * 10) / 10.0);
                values.put("pressure", Math.round((1013.25 + random.nextGaussian() * 0.2) * 100) / 100.0);
                return new Reading(values);
            };
        }
        return () -> Reading.of("temperature", temperature.now());
    }
}
