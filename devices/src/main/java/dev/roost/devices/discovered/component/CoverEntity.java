package dev.roost.devices.discovered.component;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roost.devices.command.CommandReader;
import dev.roost.devices.discovered.Entity;
import dev.roost.devices.discovered.EntityConfig;
import dev.roost.devices.discovered.Options;
import dev.roost.devices.discovered.Outgoing;
import dev.roost.devices.discovered.Payload;
import dev.roost.devices.discovered.template.Template;
import dev.roost.devices.discovered.template.TemplateException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@code cover} (blind, shutter, garage door): state {@code OPEN}, {@code CLOSED}, {@code OPENING},
 * {@code CLOSING} or {@code STOPPED}, and {@code position} in percent (0 closed, 100 open) mapped onto the
 * device's {@code position_closed..position_open}; commanded with {@code {"state":"OPEN"|"CLOSE"|"STOP"}} and
 * {@code {"position":0..100}}.
 */
public final class CoverEntity extends Entity {

    private final String stateTopic;
    private final Template valueTemplate;
    private final String commandTopic;
    private final String positionTopic;
    private final Template positionTemplate;
    private final String setPositionTopic;
    private final Template setPositionTemplate;
    private final double closed;
    private final double open;
    private final Map<String, String> states = new LinkedHashMap<>();
    private final Map<String, String> payloads = new LinkedHashMap<>();

    public CoverEntity(EntityConfig source, Options options) {
        super(source, options);
        stateTopic = options.topic("state_topic");
        valueTemplate = options.template("value_template");
        commandTopic = options.topic("command_topic");
        positionTopic = options.topic("position_topic");
        positionTemplate = options.template("position_template");
        setPositionTopic = options.topic("set_position_topic");
        setPositionTemplate = options.template("set_position_template");
        closed = options.number("position_closed", 0);
        open = options.number("position_open", 100);
        states.put(options.text("state_open", "open"), "OPEN");
        states.put(options.text("state_closed", "closed"), "CLOSED");
        states.put(options.text("state_opening", "opening"), "OPENING");
        states.put(options.text("state_closing", "closing"), "CLOSING");
        states.put(options.text("state_stopped", "stopped"), "STOPPED");
        payloads.put("OPEN", options.text("payload_open", "OPEN"));
        payloads.put("CLOSE", options.text("payload_close", "CLOSE"));
        payloads.put("STOP", options.text("payload_stop", "STOP"));
        finish(options);
    }

    @Override
    public String mainField() {
        return "state";
    }

    @Override
    public int controlRank() {
        return 30;
    }

    @Override
    public boolean controllable() {
        return commandTopic != null || setPositionTopic != null;
    }

    @Override
    protected List<String> stateTopics() {
        List<String> topics = new ArrayList<>();
        for (String topic : new String[] {stateTopic, positionTopic}) {
            if (topic != null && !topics.contains(topic)) {
                topics.add(topic);
            }
        }
        return topics;
    }

    @Override
    protected void onState(String topic, Payload payload) throws TemplateException {
        if (topic.equals(stateTopic)) {
            String state = states.get(rendered(payload, valueTemplate));
            if (state != null) {
                put("state", state);
            }
        }
        Number raw = topic.equals(positionTopic) ? number(rendered(payload, positionTemplate)) : null;
        if (raw != null) {
            long percent = Math.round((raw.doubleValue() - closed) * 100 / (open - closed));
            put("position", (int) Math.max(0, Math.min(100, percent)));
        }
    }

    @Override
    public List<Outgoing> command(JsonNode command) {
        CommandReader reader = CommandReader.openOrThrow(command, Set.of("state", "position"));
        if (command.has("state") && command.has("position")) {
            throw new CommandReader.Invalid("position", "give either state or position, not both");
        }
        if (command.has("position")) {
            if (setPositionTopic == null) {
                throw new CommandReader.Invalid("position", "this cover cannot be set to a position");
            }
            int percent = reader.integer("position", 0, 100).orElseThrow();
            long raw = Math.round(closed + (open - closed) * percent / 100);
            return List.of(new Outgoing(setPositionTopic, commandPayload(setPositionTemplate, raw), qos, retain));
        }
        if (commandTopic == null) {
            throw new CommandReader.Invalid("state", "this cover announced no command_topic");
        }
        String word = reader.word("state", List.copyOf(payloads.keySet())).orElseThrow();
        return List.of(new Outgoing(commandTopic, payloads.get(word), qos, retain));
    }
}
