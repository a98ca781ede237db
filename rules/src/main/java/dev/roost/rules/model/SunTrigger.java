package dev.roost.rules.model;

import java.time.Duration;

/**
 * Fires at sunrise or sunset at the hub's location, shifted by {@code offset} (negative is earlier);
 * a missing offset means none.
 */
public record SunTrigger(SunEvent sun, Duration offset) implements Trigger {

    public SunTrigger {
        offset = offset == null ? Duration.ZERO : offset;
    }
}
