package dev.roost.devices.platform;

import com.pi4j.context.Context;

import java.util.Optional;

/**
 * The Pi4J context the devices run on, and whether it is simulated: the mock platform when simulation is
 * requested or no Raspberry Pi is found, the real pins otherwise.
 *
 * @param description what was chosen, for the start-up log
 */
public record DevicePlatform(Context context, boolean simulated, String description) implements AutoCloseable {

    /** Chooses the platform; never throws on a machine that is not a Pi. */
    public static DevicePlatform select(boolean simulateRequested, PiDetector detector) {
        Optional<PiModel> pi = detector.detect();
        if (simulateRequested) {
            return new DevicePlatform(Pi4jContexts.mock(), true, "simulated (--simulate)"
                    + pi.map(model -> " on " + model.description()).orElse(""));
        }
        if (pi.isEmpty()) {
            return new DevicePlatform(Pi4jContexts.mock(), true, "simulated (no Raspberry Pi detected)");
        }
        return new DevicePlatform(Pi4jContexts.raspberryPi(pi.get()), false, pi.get().description());
    }

    /** Shuts Pi4J down, releasing every pin it holds. */
    @Override
    public void close() {
        context.shutdown();
    }
}
