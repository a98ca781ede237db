package dev.roost.web;

import java.time.Duration;

/** What the web UI reads about the running hub; the hub implements it, the web UI only asks. */
public interface HubStatus {

    /** The hub's release version, e.g. {@code 0.1.0}. */
    String version();

    /** How long the hub has been running. */
    Duration uptime();

    /** How many MQTT clients are connected right now. */
    int connectedClients();
}
