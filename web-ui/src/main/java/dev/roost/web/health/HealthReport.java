package dev.roost.web.health;

import dev.roost.web.HubStatus;

/** The body of {@code GET /api/health}: the hub is up, which version, since how long, with how many clients. */
public record HealthReport(String status, String version, long uptimeSeconds, int clients) {

    /** The only status there is: an answer at all means the hub is up. */
    public static final String UP = "UP";

    /** A report of the hub's state at this moment. */
    public static HealthReport of(HubStatus hub) {
        return new HealthReport(UP, hub.version(), hub.uptime().toSeconds(), hub.connectedClients());
    }
}
