package dev.roost.web.live;

import java.time.Instant;

/**
 * One MQTT message as the dashboard sees it: its topic, its payload as UTF-8 text, and when the hub received it.
 */
public record LiveMessage(String topic, String payload, Instant at) {
}
