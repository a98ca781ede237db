package dev.roost.web.settings;

import java.time.ZoneId;

/**
 * Where the hub is, for sunrise and sunset triggers, and the time zone its schedules are read in; the hub
 * implements it on its settings store and the rules engine.
 */
public interface HubLocation {

    LocationView current();

    /**
     * Stores the location, so it outlasts restarts and overrides the config file's, and applies it to the
     * running rules. The values are checked by the caller.
     */
    LocationView change(double latitude, double longitude, ZoneId zone);
}
