package dev.roost.devices.driver;

import com.fasterxml.jackson.databind.JsonNode;
import com.pi4j.context.Context;
import com.pi4j.io.pwm.Pwm;
import com.pi4j.io.pwm.PwmType;
import dev.roost.devices.command.CommandReader;
import dev.roost.devices.config.DeviceSpec;
import dev.roost.devices.config.DeviceType;
import dev.roost.devices.device.CommandOutcome;
import dev.roost.devices.device.Device;
import dev.roost.devices.device.DeviceEvents;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A dimmable light on a PWM pin: {@code {"state":"ON"}}, {@code {"brightness":40}} (0-100 %, which also turns
 * it on) or both; the duty cycle is the brightness while on and 0 while off. Starts off (its safe state).
 *
 * <p>Thread-safe: every method that touches the pin holds this object's lock.
 */
public final class PwmDevice implements Device {

    /** Flicker-free for LEDs and above what most MOSFET drivers need; configurable per device. */
    public static final int DEFAULT_FREQUENCY = 1000;
    private static final int FULL = 100;

    private final DeviceSpec spec;
    private final Context pi4j;
    private final int address;
    private Pwm pwm;
    private DeviceEvents events;
    private boolean on;
    private int brightness = FULL;

    /** A light whose Pi4J address is its GPIO, as on the mock platform. */
    public PwmDevice(DeviceSpec spec, Context pi4j) {
        this(spec, pi4j, spec.pin());
    }

    /** @param address the Pi4J PWM address: the chip's channel on a Pi, the GPIO on the mock platform */
    public PwmDevice(DeviceSpec spec, Context pi4j, int address) {
        this.spec = spec;
        this.pi4j = pi4j;
        this.address = address;
    }

    @Override
    public DeviceSpec spec() {
        return spec;
    }

    @Override
    public DeviceType type() {
        return DeviceType.PWM;
    }

    @Override
    public synchronized void start(DeviceEvents events) {
        this.events = events;
        int frequency = spec.frequency() != null ? spec.frequency() : DEFAULT_FREQUENCY;
        pwm = pi4j.create(Pwm.newConfigBuilder(pi4j).id(spec.id()).name(spec.displayName()).address(address)
                .pwmType(PwmType.HARDWARE).frequency(frequency).initial(0).shutdown(0));
        apply(false, brightness);
        publish();
    }

    @Override
    public synchronized CommandOutcome command(JsonNode command) {
        CommandReader.Result opened = CommandReader.open(command, Set.of("state", "brightness"));
        if (opened.rejection() != null) {
            return opened.rejection();
        }
        String state;
        OptionalInt level;
        try {
            state = opened.reader().word("state", List.of("ON", "OFF", "TOGGLE")).orElse(null);
            level = opened.reader().integer("brightness", 0, FULL);
        } catch (CommandReader.Invalid invalid) {
            return invalid.outcome();
        }
        boolean turnOn = state == null ? level.isPresent() || on : "TOGGLE".equals(state) ? !on : "ON".equals(state);
        int newBrightness = level.orElse(brightness);
        if (newBrightness == 0) {
            turnOn = false; // dashboards send brightness 0 to mean off; remember the last visible level instead
            newBrightness = brightness;
        }
        apply(turnOn, newBrightness);
        publish();
        return CommandOutcome.ok();
    }

    @Override
    public synchronized void toSafeState() {
        if (pwm != null) {
            apply(false, brightness);
            publish();
        }
    }

    /** The duty cycle now on the pin, in percent; for tests and diagnostics. */
    public synchronized float dutyCycle() {
        return pwm.isOn() ? pwm.getDutyCycle() : 0f;
    }

    @Override
    public void close() {
        // The pin is released with the Pi4J context, which sets its shutdown duty cycle of 0.
    }

    private void apply(boolean turnOn, int newBrightness) {
        if (turnOn) {
            pwm.on(newBrightness);
        } else {
            pwm.off();
        }
        on = turnOn;
        brightness = newBrightness;
    }

    private void publish() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("state", on ? "ON" : "OFF");
        state.put("brightness", brightness);
        events.state(spec.id(), state);
    }
}
