package dev.roost.devices.driver;

import com.fasterxml.jackson.databind.JsonNode;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.DigitalStateChangeListener;
import com.pi4j.io.gpio.digital.PullResistance;
import dev.roost.devices.config.DeviceSpec;
import dev.roost.devices.config.DeviceType;
import dev.roost.devices.device.CommandOutcome;
import dev.roost.devices.device.Device;
import dev.roost.devices.device.DeviceEvents;

import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A contact, PIR or button on one GPIO pin, published as {@code {"state":"ON"}} while active. A change is
 * published once the level has stayed put for the debounce time, so a bouncing contact yields one message.
 *
 * <p>Thread-safe: Pi4J's listener thread and the timer meet under this object's lock.
 */
public final class DigitalInputDevice implements Device {

    /** Long enough for a reed contact or push button to stop bouncing, short enough to feel instant. */
    public static final int DEFAULT_DEBOUNCE_MS = 50;

    private final DeviceSpec spec;
    private final Context pi4j;
    private final ScheduledExecutorService timer;
    private final boolean inverted;
    private final long debounceMs;
    private DigitalInput input;
    private DigitalStateChangeListener listener;
    private DeviceEvents events;
    private ScheduledFuture<?> pending;
    private Boolean published;

    public DigitalInputDevice(DeviceSpec spec, Context pi4j, ScheduledExecutorService timer) {
        this.spec = spec;
        this.pi4j = pi4j;
        this.timer = timer;
        this.inverted = Boolean.TRUE.equals(spec.inverted());
        this.debounceMs = spec.debounceMs() != null ? spec.debounceMs() : DEFAULT_DEBOUNCE_MS;
    }

    @Override
    public DeviceSpec spec() {
        return spec;
    }

    @Override
    public DeviceType type() {
        return DeviceType.DIGITAL_IN;
    }

    @Override
    public synchronized void start(DeviceEvents events) {
        this.events = events;
        // Debouncing is done here rather than by the provider, so it behaves the same on gpiod and on the mock.
        input = pi4j.create(DigitalInput.newConfigBuilder(pi4j).id(spec.id()).name(spec.displayName())
                .address(spec.pin()).pull(pull()).debounce(0L));
        listener = event -> levelChanged();
        input.addListener(listener);
        settle();
    }

    @Override
    public CommandOutcome command(JsonNode command) {
        return CommandOutcome.rejected(null, "'" + spec.id() + "' is an input and cannot be commanded");
    }

    @Override
    public void toSafeState() {
        // An input has nothing to drive.
    }

    /** The Pi4J input, so the simulator and tests can drive the mock pin. */
    public synchronized DigitalInput input() {
        return input;
    }

    /** Whether the input counts as active: level HIGH, or LOW when inverted. */
    public boolean isActive(DigitalState level) {
        return (level == DigitalState.HIGH) != inverted;
    }

    @Override
    public synchronized void close() {
        if (pending != null) {
            pending.cancel(false);
        }
        if (input != null && listener != null) {
            input.removeListener(listener);
        }
    }

    private synchronized void levelChanged() {
        if (pending != null) {
            pending.cancel(false); // still bouncing: wait for the level to hold for a full debounce time
        }
        pending = timer.schedule(this::settle, debounceMs, TimeUnit.MILLISECONDS);
    }

    private synchronized void settle() {
        boolean active = isActive(input.state());
        if (published == null || published != active) {
            published = active;
            events.state(spec.id(), Map.of("state", active ? "ON" : "OFF"));
        }
    }

    private PullResistance pull() {
        if ("up".equals(spec.pull())) {
            return PullResistance.PULL_UP;
        }
        return "down".equals(spec.pull()) ? PullResistance.PULL_DOWN : PullResistance.OFF;
    }
}
