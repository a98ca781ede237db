package dev.roost.web.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roost.web.ApiException;
import dev.roost.web.JsonBodies;
import dev.roost.web.auth.AuthFilter;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.time.ZoneId;

/**
 * {@code GET /api/settings/location} (anyone logged in) and {@code PUT /api/settings/location} (admins) with
 * {@code {"latitude":52.52,"longitude":13.405,"timeZone":"Europe/Berlin"}}.
 */
public final class SettingsRoutes {

    private final HubLocation location;

    public SettingsRoutes(HubLocation location) {
        this.location = location;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/settings/location", ctx -> ctx.json(location.current()));
        routes.put("/api/settings/location", this::changeLocation);
    }

    private void changeLocation(Context ctx) {
        if (!AuthFilter.account(ctx).admin()) {
            throw new ApiException(403, "forbidden", null, "only an admin may change the settings");
        }
        ObjectNode body = JsonBodies.object(ctx);
        double latitude = degrees(body, "latitude", 90);
        double longitude = degrees(body, "longitude", 180);
        ZoneId zone = zone(JsonBodies.text(body, "timeZone"));
        ctx.json(location.change(latitude, longitude, zone));
    }

    private static double degrees(ObjectNode body, String field, double limit) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            throw ApiException.badRequest(field, "is required");
        }
        if (!value.isNumber()) {
            throw ApiException.badRequest(field, "must be a number of degrees");
        }
        double degrees = value.asDouble();
        if (!(degrees >= -limit && degrees <= limit)) {
            throw ApiException.badRequest(field, "must be between " + (int) -limit + " and " + (int) limit
                    + ", was " + value.asText());
        }
        return degrees;
    }

    /** A region's zone, which follows its daylight saving time, not a fixed offset such as +02:00. */
    private static ZoneId zone(String name) {
        if (!ZoneId.getAvailableZoneIds().contains(name)) {
            throw ApiException.badRequest("timeZone", "unknown time zone '" + name
                    + "'; use a name such as Europe/Berlin");
        }
        return ZoneId.of(name);
    }
}
