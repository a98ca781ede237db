package dev.roost.hub.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.DateTimeException;
import java.time.ZoneId;

/**
 * Where the hub is: for sunrise and sunset triggers, and the time zone schedules are read in.
 *
 * @param configured false when latitude and longitude were not given and Greenwich stands in
 */
public record LocationSettings(double latitude, double longitude, ZoneId timeZone, boolean configured) {

    /** Greenwich: a place that is obviously not home, so sun times for it look wrong rather than subtly off. */
    static final double DEFAULT_LATITUDE = 51.4779;
    static final double DEFAULT_LONGITUDE = 0.0;

    @JsonCreator
    public static LocationSettings of(@JsonProperty("latitude") Double latitude,
                                      @JsonProperty("longitude") Double longitude,
                                      @JsonProperty("timeZone") String timeZone) {
        if ((latitude == null) != (longitude == null)) {
            throw new InvalidSettingException(latitude == null ? "location.latitude" : "location.longitude",
                    "give both latitude and longitude, or neither");
        }
        if (latitude != null && !(latitude >= -90 && latitude <= 90)) {
            throw new InvalidSettingException("location.latitude", "must be between -90 and 90, got " + latitude);
        }
        if (longitude != null && !(longitude >= -180 && longitude <= 180)) {
            throw new InvalidSettingException("location.longitude", "must be between -180 and 180, got " + longitude);
        }
        return new LocationSettings(latitude != null ? latitude : DEFAULT_LATITUDE,
                longitude != null ? longitude : DEFAULT_LONGITUDE, zone(timeZone), latitude != null);
    }

    public static LocationSettings defaults() {
        return of(null, null, null);
    }

    private static ZoneId zone(String name) {
        if (name == null) {
            return ZoneId.systemDefault();
        }
        try {
            return ZoneId.of(name);
        } catch (DateTimeException e) {
            throw new InvalidSettingException("location.timeZone",
                    "unknown time zone '" + name + "' (use a name such as Europe/Berlin)");
        }
    }
}
