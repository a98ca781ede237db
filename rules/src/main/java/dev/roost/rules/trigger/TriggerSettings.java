package dev.roost.rules.trigger;

/**
 * What triggers need from the hub's configuration: the topic base devices publish under ({@code home}, for
 * availability topics {@code home/<device-id>/availability}) and the hub's location for the sun.
 */
public record TriggerSettings(String topicBase, Location location) {

    public TriggerSettings {
        if (topicBase == null || topicBase.isEmpty() || topicBase.contains("+") || topicBase.contains("#")) {
            throw new IllegalArgumentException("topicBase must be a topic without wildcards, was '" + topicBase + "'");
        }
    }
}
