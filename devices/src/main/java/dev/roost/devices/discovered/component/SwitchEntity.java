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

import java.util.List;
import java.util.Set;

/**
 * A {@code switch} (also what a {@code fan} without speeds is): state {@code ON}/{@code OFF} read with
 * {@code state_on}/{@code state_off} (defaulting to the payloads), commanded with {@code payload_on}/{@code payload_off}
 * on {@code command_topic}, through {@code command_template} when there is one.
 */
public class SwitchEntity extends Entity {

    private static final List<String> WORDS = List.of("ON", "OFF");

    private final String stateTopic;
    private final String commandTopic;
    private final Template valueTemplate;
    private final Template commandTemplate;
    private final String payloadOn;
    private final String payloadOff;
    private final String stateOn;
    private final String stateOff;

    public SwitchEntity(EntityConfig source, Options options) {
        super(source, options);
        this.stateTopic = options.topic("state_topic");
        this.commandTopic = options.topic("command_topic");
        this.valueTemplate = options.template("value_template");
        this.commandTemplate = options.template("command_template");
        this.payloadOn = options.text("payload_on", "ON");
        this.payloadOff = options.text("payload_off", "OFF");
        this.stateOn = options.text("state_on", payloadOn);
        this.stateOff = options.text("state_off", payloadOff);
        if (commandTopic == null) {
            options.problem("command_topic: missing, so it cannot be switched");
        }
        finish(options);
    }

    @Override
    public String mainField() {
        return "state";
    }

    @Override
    public int controlRank() {
        return 50;
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
        String text = rendered(payload, valueTemplate);
        if (text.equals(stateOn)) {
            put("state", "ON");
        } else if (text.equals(stateOff)) {
            put("state", "OFF");
        }
    }

    @Override
    public List<Outgoing> command(JsonNode command) {
        CommandReader reader = CommandReader.openOrThrow(command, Set.of("state"));
        if (commandTopic == null) {
            throw new CommandReader.Invalid("state", "this " + component() + " announced no command_topic");
        }
        String word = reader.word("state", WORDS).orElseThrow();
        String payload = word.equals("ON") ? payloadOn : payloadOff;
        return List.of(new Outgoing(commandTopic, commandPayload(commandTemplate, payload), qos, retain));
    }
}
