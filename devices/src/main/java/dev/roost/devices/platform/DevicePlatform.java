package dev.roost.devices.platform;

import com.pi4j.context.Context;

import java.util.Optional;

/**
 * The Pi4J context the devices run on, and whether it is simulated: the mock platform when simulation is
 * requested or no Raspberry Pi is found, the real pins otherwise.
 *
 * @param description what was chosen, for the start-up log
 * @param pi          the Pi whose pins are driven; null when simulated
 */
public record DevicePlatform(Context context, boolean simulated, String description, PiModel pi)
        implements AutoCloseable {

    /** Chooses the platform; never throws on a machine that is not a Pi. */
    public static DevicePlatform select(boolean simulateRequested, PiDetector detector) {
        Optional<PiModel> pi = detector.detect();
        if (simulateRequested) {
            return new DevicePlatform(Pi4jContexts.mock(), true, "simulated (--simulate)"
                    + pi.map(model -> " on " + model.description()).orElse(""), null);
        }
        if (pi.isEmpty()) {
            return new DevicePlatform(Pi4jContexts.mock(), true, "simulated (no Raspberry Pi detected)", null);
        }
        return new DevicePlatform(Pi4jContexts.raspberryPi(pi.get()), false, pi.get().description(), pi.get());
    }

    /**
     * The Pi4J address of a PWM device on a GPIO: the GPIO itself on the mock platform, the channel of the PWM
     * chip on a Pi, where the kernel's PWM interface knows channels, not pins.
     */
    public int pwmAddress(int gpio) {
        return pi == null ? gpio : pi.pwmChannel(gpio);
    }

    /** Shuts Pi4J down, releasing every pin it holds. */
    @Override
    public void close() {
        context.shutdown();
    }
}
