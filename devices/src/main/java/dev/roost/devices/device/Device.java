package dev.roost.devices.device;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roost.devices.config.DeviceSpec;
import dev.roost.devices.config.DeviceType;

/**
 * One configured device, driven through Pi4J: it reports its state through {@link DeviceEvents} and accepts
 * JSON commands, rejecting any that does not fit it without changing anything.
 *
 * <p>Implementations are thread-safe: commands arrive on the bus thread, sensor reads on a timer, shutdown on
 * the main thread.
 */
public interface Device extends AutoCloseable {

    DeviceSpec spec();

    DeviceType type();

    default String id() {
        return spec().id();
    }

    /** Claims the hardware, puts an output in its safe state, then reports the first state to {@code events}. */
    void start(DeviceEvents events);

    /** Applies a command such as {@code {"state":"ON"}}; a rejected command changes nothing. */
    CommandOutcome command(JsonNode command);

    /** Drives an output to its configured safe state (a lock locked, heating off); inputs do nothing. */
    void toSafeState();

    /** Stops timers and listeners; the hardware itself is released with the Pi4J context. */
    @Override
    void close();
}
