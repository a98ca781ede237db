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

/** A {@code select}: one {@code option} of the config's {@code options}. */
public final class SelectEntity extends Entity {

    private final String stateTopic;
    private final Template valueTemplate;
    private final String commandTopic;
    private final Template commandTemplate;
    private final List<String> choices;

    public SelectEntity(EntityConfig source, Options options) {
        super(source, options);
        stateTopic = options.topic("state_topic");
        valueTemplate = options.template("value_template");
        commandTopic = options.topic("command_topic");
        commandTemplate = options.template("command_template");
        choices = options.texts("options", List.of());
        if (choices.isEmpty()) {
            options.problem("options: a select needs its options");
        }
        finish(options);
    }

    @Override
    public String mainField() {
        return "option";
    }

    @Override
    public int controlRank() {
        return 70;
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
        String option = rendered(payload, valueTemplate);
        if (choices.contains(option)) {
            put("option", option);
        }
    }

    @Override
    public List<Outgoing> command(JsonNode command) {
        CommandReader reader = CommandReader.openOrThrow(command, Set.of("option"));
        JsonNode option = command.get("option");
        if (!option.isTextual() || !choices.contains(option.asText())) {
            throw new CommandReader.Invalid("option", "must be one of " + choices + ", got " + option);
        }
        if (commandTopic == null) {
            throw new CommandReader.Invalid("option", "this select announced no command_topic");
        }
        return List.of(new Outgoing(commandTopic, commandPayload(commandTemplate, option.asText()), qos, retain));
    }
}
