package dev.roost.devices.discovered;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads one discovery config message into the entity configs it announces, following Home Assistant's MQTT
 * discovery: a component config announces one entity and an empty one removes it; a device-based config
 * ({@code <prefix>/device/<id>/config}) announces every entry of its {@code components}, each inheriting the
 * device, origin and shared options, and an entry holding nothing but its {@code platform} removes that entity.
 * Thread-safe.
 */
final class ConfigReader {

    /** Options of a device-based config that its components inherit unless they set their own. */
    private static final Set<String> SHARED_OPTIONS = Set.of("availability", "availability_mode",
            "availability_template", "availability_topic", "command_topic", "payload_available",
            "payload_not_available", "state_topic", "qos", "encoding");

    private final ObjectMapper json;
    private final Abbreviations abbreviations;

    ConfigReader(ObjectMapper json, Abbreviations abbreviations) {
        this.json = json;
        this.abbreviations = abbreviations;
    }

    /** What one config message says: the entities it announces now, or why it cannot be used. */
    record Read(List<EntityConfig> entities, String problem) {
        static Read problem(String why) {
            return new Read(List.of(), why);
        }
    }

    Read read(DiscoveryTopic topic, byte[] payload) {
        if (payload.length == 0) {
            return new Read(List.of(), null);
        }
        JsonNode parsed;
        try {
            parsed = json.readTree(payload);
        } catch (JsonProcessingException e) {
            return Read.problem("not JSON: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            return Read.problem("not JSON: " + e.getMessage());
        }
        if (!(parsed instanceof ObjectNode config)) {
            return Read.problem("a config must be a JSON object, not " + kind(parsed));
        }
        abbreviations.expand(config);
        return topic.deviceBased() ? readDevice(topic, config) : readComponent(topic, config);
    }

    private Read readComponent(DiscoveryTopic topic, ObjectNode config) {
        if (config.isEmpty()) {
            return new Read(List.of(), null);
        }
        TopicBase.apply(config);
        return new Read(List.of(new EntityConfig(topic.discoveryId(), topic.component(), topic.nodeId(),
                topic.objectId(), config)), null);
    }

    private Read readDevice(DiscoveryTopic topic, ObjectNode config) {
        if (!(config.get("device") instanceof ObjectNode device)) {
            return Read.problem("a device config needs a 'device' object");
        }
        if (!(config.get("components") instanceof ObjectNode components)) {
            return Read.problem("a device config needs a 'components' object");
        }
        List<EntityConfig> entities = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = components.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (!(entry.getValue() instanceof ObjectNode component)) {
                return Read.problem("components." + entry.getKey() + " must be an object");
            }
            JsonNode platform = component.remove("platform");
            if (platform == null || !platform.isTextual() || platform.asText().isBlank()) {
                return Read.problem("components." + entry.getKey() + " needs a 'platform'");
            }
            if (component.isEmpty()) {
                continue; // only its platform: Home Assistant removes this entity
            }
            component.set("device", device.deepCopy());
            if (config.has("origin")) {
                component.set("origin", config.get("origin").deepCopy());
            }
            for (String option : SHARED_OPTIONS) {
                if (config.has(option) && !component.has(option)) {
                    component.set(option, config.get(option).deepCopy());
                }
            }
            if (config.has(TopicBase.KEY) && !component.has(TopicBase.KEY)) {
                component.set(TopicBase.KEY, config.get(TopicBase.KEY));
            }
            TopicBase.apply(component);
            // As Home Assistant: the device config's object id is the node of its components.
            String objectId = topic.nodeId() != null ? topic.nodeId() + " " + entry.getKey() : entry.getKey();
            String discoveryId = platform.asText() + " " + topic.objectId() + " " + objectId;
            entities.add(new EntityConfig(discoveryId, platform.asText(), topic.objectId(), entry.getKey(),
                    component));
        }
        return new Read(entities, null);
    }

    private static String kind(JsonNode node) {
        return node.isArray() ? "an array" : node.isTextual() ? "text" : node.isNumber() ? "a number"
                : node.isBoolean() ? "a boolean" : "null";
    }
}
