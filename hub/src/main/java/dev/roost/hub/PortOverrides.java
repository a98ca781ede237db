package dev.roost.hub;

/**
 * Listener ports given on the command line, each overriding the config file's when not null; 0 picks a free port.
 *
 * @param tls the MQTT-over-TLS listener ({@code --tls-port})
 * @param wss the MQTT-over-WebSocket-over-TLS listener ({@code --wss-port})
 */
public record PortOverrides(Integer mqtt, Integer ws, Integer http, Integer tls, Integer wss) {

    /** Every listener on a free port: for tests and side-by-side runs. */
    public static PortOverrides anyFree() {
        return new PortOverrides(0, 0, 0, 0, 0);
    }

    public static PortOverrides none() {
        return new PortOverrides(null, null, null, null, null);
    }

    static int choose(Integer override, int configured) {
        return override != null ? override : configured;
    }
}
