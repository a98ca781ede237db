package dev.roost.devices.driver;

import com.fasterxml.jackson.databind.JsonNode;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import dev.roost.devices.command.CommandReader;
import dev.roost.devices.config.DeviceSpec;
import dev.roost.devices.config.DeviceType;
import dev.roost.devices.config.OutputStates;
import dev.roost.devices.device.CommandOutcome;
import dev.roost.devices.device.Device;
import dev.roost.devices.device.DeviceEvents;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * A relay, LED or lock solenoid on one GPIO pin: {@code {"state":"ON"}} / {@code "OFF"} / {@code "TOGGLE"} for a
 * switch, {@code {"state":"LOCK"}} / {@code "UNLOCK"} for a lock; a thermostat also takes {@code {"setpoint":21.5}}
 * (see {@link SetPoint}). Starts in its safe state, then its initial one.
 *
 * <p>Thread-safe: every method that touches the pin holds this object's lock.
 */
public final class DigitalOutputDevice implements Device {

    private static final String TOGGLE = "TOGGLE";

    private final DeviceSpec spec;
    private final Context pi4j;
    private final OutputStates words;
    private final boolean inverted;
    private final boolean safeActive;
    private final boolean initialActive;
    /** Null unless the role is {@code thermostat}. */
    private final SetPoint setPoint;
    private DigitalOutput output;
    private DeviceEvents events;
    private boolean active;

    public DigitalOutputDevice(DeviceSpec spec, Context pi4j) {
        this.spec = spec;
        this.pi4j = pi4j;
        this.words = OutputStates.of(DeviceType.DIGITAL_OUT.roleOf(spec));
        this.inverted = Boolean.TRUE.equals(spec.inverted());
        this.safeActive = spec.safe() != null && words.isActive(spec.safe());
        this.initialActive = spec.initial() != null ? words.isActive(spec.initial()) : safeActive;
        this.setPoint = "thermostat".equals(DeviceType.DIGITAL_OUT.roleOf(spec)) ? new SetPoint() : null;
    }

    @Override
    public DeviceSpec spec() {
        return spec;
    }

    @Override
    public DeviceType type() {
        return DeviceType.DIGITAL_OUT;
    }

    @Override
    public synchronized void start(DeviceEvents events) {
        this.events = events;
        DigitalState safeLevel = level(safeActive);
        // Pi4J drives the pin to 'initial' as it claims it, so the pin is never left floating or active.
        output = pi4j.create(DigitalOutput.newConfigBuilder(pi4j).id(spec.id()).name(spec.displayName())
                .address(spec.pin()).initial(safeLevel).shutdown(safeLevel));
        drive(safeActive);
        if (initialActive != safeActive) {
            drive(initialActive);
        }
        publish();
    }

    @Override
    public synchronized CommandOutcome command(JsonNode command) {
        CommandReader.Result opened = CommandReader.open(command,
                setPoint == null ? Set.of("state") : Set.of("state", SetPoint.FIELD));
        if (opened.rejection() != null) {
            return opened.rejection();
        }
        List<String> accepted = new ArrayList<>(List.of(words.activate(), words.deactivate()));
        if (words == OutputStates.SWITCH) {
            accepted.add(TOGGLE);
        }
        Optional<String> word;
        OptionalDouble wanted;
        try {
            // Every field is read before anything changes, so a half-valid command changes nothing.
            word = opened.reader().word("state", accepted);
            wanted = setPoint == null ? OptionalDouble.empty() : SetPoint.requested(opened.reader());
        } catch (CommandReader.Invalid invalid) {
            return invalid.outcome();
        }
        if (wanted.isPresent()) {
            setPoint.set(wanted.getAsDouble());
        }
        word.ifPresent(w -> drive(TOGGLE.equals(w) ? !active : w.equals(words.activate())));
        publish();
        return CommandOutcome.ok();
    }

    @Override
    public synchronized void toSafeState() {
        if (output != null) {
            drive(safeActive);
            publish();
        }
    }

    /** Whether the output is logically active (on, or unlocked); for tests and diagnostics. */
    public synchronized boolean isActive() {
        return active;
    }

    @Override
    public void close() {
        // The pin stays claimed until the Pi4J context shuts down, which applies its shutdown (safe) level.
    }

    private void drive(boolean makeActive) {
        output.state(level(makeActive));
        active = makeActive;
    }

    private DigitalState level(boolean makeActive) {
        // An active-low relay board energises its coil when the pin is LOW.
        return makeActive != inverted ? DigitalState.HIGH : DigitalState.LOW;
    }

    private void publish() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("state", words.word(active));
        if (setPoint != null) {
            state.put(SetPoint.FIELD, setPoint.celsius());
        }
        events.state(spec.id(), state);
    }
}
