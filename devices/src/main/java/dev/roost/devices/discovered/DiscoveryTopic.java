package dev.roost.devices.discovered;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a Home Assistant discovery config lives: {@code <prefix>/<component>/[<node_id>/]<object_id>/config}, with
 * the component {@code device} for device-based discovery.
 *
 * @param nodeId null when the topic has no node level
 */
public record DiscoveryTopic(String component, String nodeId, String objectId) {

    /** The component of a device-based config, which carries its entities under {@code components}. */
    public static final String DEVICE = "device";

    // Home Assistant's own topic pattern: ids are letters, digits, '_' and '-'.
    private static final Pattern SHAPE = Pattern.compile(
            "(?<component>\\w+)/(?:(?<node>[a-zA-Z0-9_-]+)/)?(?<object>[a-zA-Z0-9_-]+)/config");

    /** The parts of {@code topic} under {@code prefix}, or empty when it is no discovery config topic. */
    public static Optional<DiscoveryTopic> parse(String prefix, String topic) {
        if (!topic.startsWith(prefix + "/")) {
            return Optional.empty();
        }
        Matcher match = SHAPE.matcher(topic.substring(prefix.length() + 1));
        if (!match.matches()) {
            return Optional.empty();
        }
        return Optional.of(new DiscoveryTopic(match.group("component"), match.group("node"), match.group("object")));
    }

    public boolean deviceBased() {
        return DEVICE.equals(component);
    }

    /** Home Assistant's discovery id: what identifies the entity across updates and removal. */
    public String discoveryId() {
        return component + " " + (nodeId != null ? nodeId + " " : "") + objectId;
    }
}
