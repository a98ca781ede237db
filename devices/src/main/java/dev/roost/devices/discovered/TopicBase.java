package dev.roost.devices.discovered;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code ~} of a discovery config: a topic key's value that starts or ends with {@code ~} has it replaced by
 * the config's {@code ~} value, as Home Assistant does for keys ending in {@code topic} and the availability
 * entries' {@code topic}.
 */
final class TopicBase {

    static final String KEY = "~";

    private TopicBase() {
    }

    /** Replaces {@code ~} in place and removes the {@code ~} key; a config without it is left as it is. */
    static void apply(ObjectNode config) {
        JsonNode base = config.remove(KEY);
        if (base == null || !base.isTextual()) {
            return;
        }
        String prefix = base.asText();
        List<String> keys = new ArrayList<>();
        config.fieldNames().forEachRemaining(keys::add);
        for (String key : keys) {
            if (key.endsWith("topic")) {
                replace(config, key, prefix);
            }
        }
        JsonNode availability = config.get("availability");
        if (availability instanceof ObjectNode one) {
            replace(one, "topic", prefix);
        } else if (availability != null && availability.isArray()) {
            availability.forEach(entry -> {
                if (entry instanceof ObjectNode one) {
                    replace(one, "topic", prefix);
                }
            });
        }
    }

    private static void replace(ObjectNode node, String key, String base) {
        JsonNode value = node.get(key);
        if (value == null || !value.isTextual() || value.asText().isEmpty()) {
            return;
        }
        String topic = value.asText();
        if (topic.startsWith(KEY)) {
            topic = base + topic.substring(1);
        }
        if (topic.endsWith(KEY)) {
            topic = topic.substring(0, topic.length() - 1) + base;
        }
        node.put(key, topic);
    }
}
