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

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@code lock}: state {@code LOCKED}, {@code UNLOCKED}, {@code LOCKING}, {@code UNLOCKING} or {@code JAMMED}
 * as the device's own words ({@code state_locked} ...) map to them, the words Roost's own locks report;
 * commanded with {@code {"state":"LOCK"|"UNLOCK"}} (and {@code OPEN} where the config has {@code payload_open}).
 */
public final class LockEntity extends Entity {

    private final String stateTopic;
    private final String commandTopic;
    private final Template valueTemplate;
    private final Template commandTemplate;
    private final Map<String, String> states = new LinkedHashMap<>();
    private final Map<String, String> payloads = new LinkedHashMap<>();

    public LockEntity(EntityConfig source, Options options) {
        super(source, options);
        this.stateTopic = options.topic("state_topic");
        this.commandTopic = options.topic("command_topic");
        this.valueTemplate = options.template("value_template");
        this.commandTemplate = options.template("command_template");
        states.put(options.text("state_locked", "LOCKED"), "LOCKED");
        states.put(options.text("state_unlocked", "UNLOCKED"), "UNLOCKED");
        states.put(options.text("state_locking", "LOCKING"), "LOCKING");
        states.put(options.text("state_unlocking", "UNLOCKING"), "UNLOCKING");
        states.put(options.text("state_jammed", "JAMMED"), "JAMMED");
        payloads.put("LOCK", options.text("payload_lock", "LOCK"));
        payloads.put("UNLOCK", options.text("payload_unlock", "UNLOCK"));
        if (options.has("payload_open")) {
            payloads.put("OPEN", options.text("payload_open", "OPEN"));
        }
        if (commandTopic == null) {
            options.problem("command_topic: missing, so it cannot be locked or unlocked");
        }
        finish(options);
    }

    @Override
    public String mainField() {
        return "state";
    }

    @Override
    public int controlRank() {
        return 10;
    }

    @Override
    public boolean controllable() {
        return commandTopic != null;
    }

    @Override
    protected List<String> stateTopics() {
        return stateTopic == null ? List.of() : List.of(stateTopic);
    }

    @Override
    protected void onState(String topic, Payload payload) throws TemplateException {
        String state = states.get(rendered(payload, valueTemplate));
        if (state != null) {
            put("state", state);
        }
    }

    @Override
    public List<Outgoing> command(JsonNode command) {
        CommandReader reader = CommandReader.openOrThrow(command, Set.of("state"));
        if (commandTopic == null) {
            throw new CommandReader.Invalid("state", "this lock announced no command_topic");
        }
        String word = reader.word("state", List.copyOf(payloads.keySet())).orElseThrow();
        return List.of(new Outgoing(commandTopic, commandPayload(commandTemplate, payloads.get(word)), qos, retain));
    }
}
