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
import java.util.List;
import java.util.Set;

/**
 * A {@code climate} device such as a radiator valve: {@code temperature} (current), {@code setpoint} (target),
 * {@code mode} and {@code action} read from their topics; {@code {"setpoint":20.5}} goes to
 * {@code temperature_command_topic} within {@code min_temp..max_temp} in steps of {@code temp_step}, and
 * {@code {"mode":"heat"}} to {@code mode_command_topic}, one of {@code modes}.
 */
public final class ClimateEntity extends Entity {

    private static final List<String> DEFAULT_MODES = List.of("auto", "off", "cool", "heat", "dry", "fan_only");

    private final String currentTopic;
    private final Template currentTemplate;
    private final String setpointTopic;
    private final Template setpointTemplate;
    private final String setpointCommandTopic;
    private final Template setpointCommandTemplate;
    private final String modeTopic;
    private final Template modeTemplate;
    private final String modeCommandTopic;
    private final Template modeCommandTemplate;
    private final String actionTopic;
    private final Template actionTemplate;
    private final List<String> modes;
    private final double min;
    private final double max;
    private final double step;

    public ClimateEntity(EntityConfig source, Options options) {
        super(source, options);
        currentTopic = options.topic("current_temperature_topic");
        currentTemplate = options.template("current_temperature_template");
        setpointTopic = options.topic("temperature_state_topic");
        setpointTemplate = options.template("temperature_state_template");
        setpointCommandTopic = options.topic("temperature_command_topic");
        setpointCommandTemplate = options.template("temperature_command_template");
        modeTopic = options.topic("mode_state_topic");
        modeTemplate = options.template("mode_state_template");
        modeCommandTopic = options.topic("mode_command_topic");
        modeCommandTemplate = options.template("mode_command_template");
        actionTopic = options.topic("action_topic");
        actionTemplate = options.template("action_template");
        modes = options.texts("modes", DEFAULT_MODES);
        boolean fahrenheit = "F".equals(options.text("temperature_unit", "C"));
        min = options.number("min_temp", fahrenheit ? 45 : 7);
        max = options.number("max_temp", fahrenheit ? 95 : 35);
        step = options.number("temp_step", options.number("precision", 0.5));
        finish(options);
    }

    @Override
    public String mainField() {
        return "setpoint";
    }

    @Override
    public int controlRank() {
        return 20;
    }

    @Override
    public boolean controllable() {
        return setpointCommandTopic != null || modeCommandTopic != null;
    }

    @Override
    protected List<String> stateTopics() {
        List<String> topics = new ArrayList<>();
        for (String topic : new String[] {currentTopic, setpointTopic, modeTopic, actionTopic}) {
            if (topic != null && !topics.contains(topic)) {
                topics.add(topic);
            }
        }
        return topics;
    }

    @Override
    protected void onState(String topic, Payload payload) throws TemplateException {
        Number now = topic.equals(currentTopic) ? number(rendered(payload, currentTemplate)) : null;
        if (now != null) {
            put("temperature", now);
        }
        Number target = topic.equals(setpointTopic) ? number(rendered(payload, setpointTemplate)) : null;
        if (target != null) {
            put("setpoint", target);
        }
        if (topic.equals(modeTopic)) {
            String mode = rendered(payload, modeTemplate);
            if (modes.contains(mode)) {
                put("mode", mode);
            }
        }
        if (topic.equals(actionTopic)) {
            String action = rendered(payload, actionTemplate);
            if (!action.isEmpty() && !"None".equals(action)) {
                put("action", action);
            }
        }
    }

    @Override
    public List<Outgoing> command(JsonNode command) {
        CommandReader reader = CommandReader.openOrThrow(command, Set.of("setpoint", "mode"));
        List<Outgoing> messages = new ArrayList<>();
        if (command.has("mode")) {
            if (modeCommandTopic == null) {
                throw new CommandReader.Invalid("mode", "this device's mode cannot be set");
            }
            JsonNode mode = command.get("mode");
            if (!mode.isTextual() || !modes.contains(mode.asText())) {
                throw new CommandReader.Invalid("mode", "must be one of " + modes + ", got " + mode);
            }
            messages.add(new Outgoing(modeCommandTopic, commandPayload(modeCommandTemplate, mode.asText()), qos,
                    retain));
        }
        if (command.has("setpoint")) {
            if (setpointCommandTopic == null) {
                throw new CommandReader.Invalid("setpoint", "this device's set point cannot be set");
            }
            double wanted = reader.decimal("setpoint", min, max, step).orElseThrow();
            messages.add(new Outgoing(setpointCommandTopic, commandPayload(setpointCommandTemplate, wanted), qos,
                    retain));
        }
        return messages;
    }
}
