package dev.roost.devices.discovered.component;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roost.devices.command.CommandReader;
import dev.roost.devices.discovered.Entity;
import dev.roost.devices.discovered.EntityConfig;
import dev.roost.devices.discovered.Options;
import dev.roost.devices.discovered.Outgoing;
import dev.roost.devices.discovered.Payload;
import dev.roost.devices.discovered.template.Template;

import java.util.List;
import java.util.Set;

/** A {@code button}: no state; {@code {"press":true}} sends {@code payload_press}. */
public final class ButtonEntity extends Entity {

    private final String commandTopic;
    private final Template commandTemplate;
    private final String payloadPress;

    public ButtonEntity(EntityConfig source, Options options) {
        super(source, options);
        commandTopic = options.topic("command_topic");
        commandTemplate = options.template("command_template");
        payloadPress = options.text("payload_press", "PRESS");
        if (commandTopic == null) {
            options.problem("command_topic: a button needs one");
        }
        finish(options);
    }

    @Override
    public String mainField() {
        return "press";
    }

    @Override
    public int controlRank() {
        return 80;
    }

    @Override
    public boolean controllable() {
        return commandTopic != null;
    }

    @Override
    protected List<String> stateTopics() {
        return List.of();
    }

    @Override
    protected void onState(String topic, Payload payload) {
        // a button has no state
    }

    @Override
    public List<Outgoing> command(JsonNode command) {
        CommandReader reader = CommandReader.openOrThrow(command, Set.of("press"));
        if (!command.get("press").isBoolean() || !command.get("press").asBoolean() || commandTopic == null) {
            throw new CommandReader.Invalid("press", commandTopic == null ? "this button announced no command_topic"
                    : "must be true");
        }
        return List.of(new Outgoing(commandTopic, commandPayload(commandTemplate, payloadPress), qos, retain));
    }
}
