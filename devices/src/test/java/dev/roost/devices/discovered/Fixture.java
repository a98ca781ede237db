package dev.roost.devices.discovered;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One fixture under {@code fixtures/}: the MQTT messages a real Zigbee2MQTT, Tasmota, ESPHome or Home Assistant
 * setup publishes (built from those projects' own sources, named in each file), and the commands its devices take.
 */
public record Fixture(String name, List<Message> messages, List<Command> commands) {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** One message as published; an empty payload removes a retained config. */
    public record Message(String topic, String payload, boolean retain) {
    }

    /** A command in Roost's vocabulary and exactly what the device expects for it. */
    public record Command(String meaning, String roost, String topic, String payload) {
    }

    /** Reads {@code fixtures/<name>.yaml}, e.g. {@code zigbee2mqtt/bulb}. */
    public static Fixture load(String name) {
        String resource = "fixtures/" + name + ".yaml";
        try (InputStream in = Fixture.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + resource);
            }
            JsonNode root = YAML.readTree(in);
            List<Message> messages = new ArrayList<>();
            root.get("messages").forEach(m -> messages.add(new Message(m.get("topic").asText(),
                    m.get("payload").asText(), m.get("retain").asBoolean())));
            List<Command> commands = new ArrayList<>();
            if (root.has("commands")) {
                root.get("commands").forEach(c -> commands.add(new Command(c.get("meaning").asText(),
                        c.get("roost").asText(), c.get("topic").asText(), c.get("payload").asText())));
            }
            return new Fixture(name, List.copyOf(messages), List.copyOf(commands));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The messages whose topic starts with {@code prefix}. */
    public List<Message> on(String prefix) {
        return messages.stream().filter(m -> m.topic().startsWith(prefix)).toList();
    }
}
