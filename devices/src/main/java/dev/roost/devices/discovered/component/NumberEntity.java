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

/** A {@code number}: a settable {@code value} within {@code min..max} in steps of {@code step}. */
public final class NumberEntity extends Entity {

    private final String stateTopic;
    private final Template valueTemplate;
    private final String commandTopic;
    private final Template commandTemplate;
    private final double min;
    private final double max;
    private final double step;

    public NumberEntity(EntityConfig source, Options options) {
        super(source, options);
        stateTopic = options.topic("state_topic");
        valueTemplate = options.template("value_template");
        commandTopic = options.topic("command_topic");
        commandTemplate = options.template("command_template");
        min = options.number("min", 1);
        max = options.number("max", 100);
        step = options.number("step", 1);
        finish(options);
    }

    @Override
    public String mainField() {
        return "value";
    }

    @Override
    public int controlRank() {
        return 60;
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
        Number value = number(rendered(payload, valueTemplate));
        if (value != null) {
            put("value", value);
        }
    }

    @Override
    public List<Outgoing> command(JsonNode command) {
        CommandReader reader = CommandReader.openOrThrow(command, Set.of("value"));
        if (commandTopic == null) {
            throw new CommandReader.Invalid("value", "this number announced no command_topic");
        }
        double value = reader.decimal("value", min, max, step).orElseThrow();
        Object sent = value == Math.rint(value) && step == Math.rint(step) ? (Object) (long) value : value;
        return List.of(new Outgoing(commandTopic, commandPayload(commandTemplate, sent), qos, retain));
    }
}
