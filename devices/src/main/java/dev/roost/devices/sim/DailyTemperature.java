package dev.roost.devices.sim;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.random.RandomGenerator;

/**
 * A believable indoor temperature: a daily cosine, coolest at 03:00 and warmest at 15:00 local time, plus a
 * little sensor noise, rounded to the DS18B20's 1/16 °C steps.
 *
 * <p>Thread-safe as long as the random generator is (reads are serialised by the owning sensor anyway).
 */
public final class DailyTemperature {

    private static final double WARMEST_HOUR = 15.0;
    private static final double SIXTEENTH = 16.0;

    private final Clock clock;
    private final RandomGenerator random;
    private final double mean;
    private final double amplitude;
    private final double noise;

    /** @param noise the standard deviation of the noise, in °C */
    public DailyTemperature(Clock clock, RandomGenerator random, double mean, double amplitude, double noise) {
        this.clock = clock;
        this.random = random;
        this.mean = mean;
        this.amplitude = amplitude;
        this.noise = noise;
    }

    /** The temperature now, in °C. */
    public double now() {
        ZonedDateTime local = ZonedDateTime.now(clock);
        double hour = local.getHour() + local.getMinute() / 60.0 + local.getSecond() / 3600.0;
        double curve = mean + amplitude * Math.cos(2 * Math.PI * (hour - WARMEST_HOUR) / 24.0);
        return Math.round((curve + random.nextGaussian() * noise) * SIXTEENTH) / SIXTEENTH;
    }
}
