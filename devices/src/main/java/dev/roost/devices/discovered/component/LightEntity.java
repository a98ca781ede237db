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

/**
 * A {@code light} with the default schema (Tasmota): on/off on {@code command_topic}, brightness, colour
 * temperature and RGB each on a topic of their own, and {@code on_command_type} deciding whether the on payload
 * goes before the rest ({@code first}), after it ({@code last}, the default) or not at all when a brightness is sent
 * ({@code brightness}).
 */
public final class LightEntity extends Entity {

    private final String stateTopic;
    private final String commandTopic;
    private final Template stateTemplate;
    private final String payloadOn;
    private final String payloadOff;
    private final String brightnessStateTopic;
    private final String brightnessCommandTopic;
    private final Template brightnessValueTemplate;
    private final Template brightnessCommandTemplate;
    private final Brightness brightness;
    private final String colorTempStateTopic;
    private final String colorTempCommandTopic;
    private final Template colorTempValueTemplate;
    private final Template colorTempCommandTemplate;
    private final String rgbStateTopic;
    private final String rgbCommandTopic;
    private final Template rgbValueTemplate;
    private final Template rgbCommandTemplate;
    private final String onCommandType;

    public LightEntity(EntityConfig source, Options options) {
        super(source, options);
        stateTopic = options.topic("state_topic");
        commandTopic = options.topic("command_topic");
        stateTemplate = options.template("state_value_template");
        payloadOn = options.text("payload_on", "ON");
        payloadOff = options.text("payload_off", "OFF");
        brightnessStateTopic = options.topic("brightness_state_topic");
        brightnessCommandTopic = options.topic("brightness_command_topic");
        brightnessValueTemplate = options.template("brightness_value_template");
        brightnessCommandTemplate = options.template("brightness_command_template");
        brightness = new Brightness(options.number("brightness_scale", Brightness.DEFAULT_SCALE));
        colorTempStateTopic = options.topic("color_temp_state_topic");
        colorTempCommandTopic = options.topic("color_temp_command_topic");
        colorTempValueTemplate = options.template("color_temp_value_template");
        colorTempCommandTemplate = options.template("color_temp_command_template");
        rgbStateTopic = options.topic("rgb_state_topic");
        rgbCommandTopic = options.topic("rgb_command_topic");
        rgbValueTemplate = options.template("rgb_value_template");
        rgbCommandTemplate = options.template("rgb_command_template");
        onCommandType = options.text("on_command_type", "last");
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
        return 40;
    }

    @Override
    public boolean controllable() {
        return commandTopic != null;
    }

    @Override
    protected List<String> stateTopics() {
        List<String> topics = new ArrayList<>();
        for (String topic : new String[] {stateTopic, brightnessStateTopic, colorTempStateTopic, rgbStateTopic}) {
            if (topic != null && !topics.contains(topic)) {
                topics.add(topic);
            }
        }
        return topics;
    }

    @Override
    protected void onState(String topic, Payload payload) throws TemplateException {
        if (topic.equals(stateTopic)) {
            String text = rendered(payload, stateTemplate);
            if (text.equals(payloadOn)) {
                put("state", "ON");
            } else if (text.equals(payloadOff)) {
                put("state", "OFF");
            }
        }
        Number raw = topic.equals(brightnessStateTopic) ? number(rendered(payload, brightnessValueTemplate)) : null;
        if (raw != null) {
            put("brightness", brightness.toPercent(raw.doubleValue()));
        }
        Number m = topic.equals(colorTempStateTopic) ? number(rendered(payload, colorTempValueTemplate)) : null;
        if (m != null) {
            put("color_temp", m.intValue());
        }
        if (topic.equals(rgbStateTopic)) {
            String[] parts = rendered(payload, rgbValueTemplate).split(",");
            if (parts.length == 3 && number(parts[0].strip()) != null && number(parts[1].strip()) != null
                    && number(parts[2].strip()) != null) {
                put("rgb", List.of(number(parts[0].strip()).intValue(), number(parts[1].strip()).intValue(),
                        number(parts[2].strip()).intValue()));
            }
        }
    }

    @Override
    public List<Outgoing> command(JsonNode command) {
        LightCommand wanted = LightCommand.read(command, brightnessCommandTopic != null,
                colorTempCommandTopic != null, rgbCommandTopic != null);
        if (commandTopic == null) {
            throw new CommandReader.Invalid("state", "this light announced no command_topic");
        }
        if (!wanted.on()) {
            return List.of(new Outgoing(commandTopic, payloadOff, qos, retain));
        }
        List<Outgoing> settings = new ArrayList<>();
        if (wanted.brightness() != null) {
            settings.add(new Outgoing(brightnessCommandTopic, commandPayload(brightnessCommandTemplate,
                    brightness.toDevice(wanted.brightness())), qos, retain));
        }
        if (wanted.colorTemp() != null) {
            settings.add(new Outgoing(colorTempCommandTopic, commandPayload(colorTempCommandTemplate,
                    (long) wanted.colorTemp()), qos, retain));
        }
        if (wanted.rgb() != null) {
            int[] c = wanted.rgb();
            settings.add(new Outgoing(rgbCommandTopic, rgbCommandTemplate == null ? c[0] + "," + c[1] + "," + c[2]
                    : commandPayload(rgbCommandTemplate, c[0] + "," + c[1] + "," + c[2]), qos, retain));
        }
        Outgoing on = new Outgoing(commandTopic, payloadOn, qos, retain);
        List<Outgoing> messages = new ArrayList<>();
        if ("first".equals(onCommandType) || settings.isEmpty()) {
            messages.add(on);
            messages.addAll(settings);
        } else if ("brightness".equals(onCommandType) && wanted.brightness() != null) {
            messages.addAll(settings);
        } else {
            messages.addAll(settings);
            messages.add(on);
        }
        return messages;
    }
}
