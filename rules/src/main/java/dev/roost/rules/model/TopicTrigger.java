package dev.roost.rules.model;

/**
 * Fires on every message published to a topic matching {@code topic} (an MQTT filter, wildcards allowed);
 * with {@code changes} it fires only when the payload differs from the previous one on that topic.
 */
public record TopicTrigger(String topic, boolean changes) implements Trigger {
}
