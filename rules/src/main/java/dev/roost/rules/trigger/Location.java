package dev.roost.rules.trigger;

import java.time.ZoneId;

/** Where the hub is, for sunrise and sunset, and the time zone its schedules are read in. */
public record Location(double latitude, double longitude, ZoneId zone) {

    public Location {
        if (!(latitude >= -90 && latitude <= 90)) {
            throw new IllegalArgumentException("latitude must be between -90 and 90, was " + latitude);
        }
        if (!(longitude >= -180 && longitude <= 180)) {
            throw new IllegalArgumentException("longitude must be between -180 and 180, was " + longitude);
        }
        if (zone == null) {
            throw new IllegalArgumentException("zone is required");
        }
    }
}
