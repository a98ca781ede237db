package dev.roost.devices.device;

import com.pi4j.context.Context;
import dev.roost.devices.config.DeviceSpec;
import dev.roost.devices.config.DeviceType;
import dev.roost.devices.driver.DigitalInputDevice;
import dev.roost.devices.driver.DigitalOutputDevice;
import dev.roost.devices.driver.PwmDevice;
import dev.roost.devices.sensor.PolledSensor;
import dev.roost.devices.sensor.SensorSource;

import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.IntUnaryOperator;

/** Turns validated declarations into drivers on one Pi4J context. */
public final class DeviceFactory {

    private final Context pi4j;
    private final SensorSource sensors;
    private final ScheduledExecutorService timer;
    private final IntUnaryOperator pwmAddress;

    /** @param pwmAddress the Pi4J PWM address of a GPIO (see {@code DevicePlatform#pwmAddress}) */
    public DeviceFactory(Context pi4j, SensorSource sensors, ScheduledExecutorService timer,
                         IntUnaryOperator pwmAddress) {
        this.pi4j = pi4j;
        this.sensors = sensors;
        this.timer = timer;
        this.pwmAddress = pwmAddress;
    }

    /**
     * One driver per declaration, in order.
     *
     * @throws IllegalArgumentException for a declaration of unknown type; validate first
     */
    public List<Device> create(List<DeviceSpec> specs) {
        return specs.stream().map(this::create).toList();
    }

    public Device create(DeviceSpec spec) {
        DeviceType type = DeviceType.fromConfigName(spec.type())
                .orElseThrow(() -> new IllegalArgumentException("unknown device type: " + spec.type()));
        return switch (type) {
            case DIGITAL_IN -> new DigitalInputDevice(spec, pi4j, timer);
            case DIGITAL_OUT -> new DigitalOutputDevice(spec, pi4j);
            case PWM -> new PwmDevice(spec, pi4j, pwmAddress.applyAsInt(spec.pin()));
            case DS18B20, BME280 -> new PolledSensor(spec, type, sensors.readerFor(spec, type), timer);
        };
    }
}
