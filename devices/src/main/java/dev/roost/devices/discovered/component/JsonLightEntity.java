package dev.roost.devices.discovered.component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roost.devices.discovered.Entity;
import dev.roost.devices.discovered.EntityConfig;
import dev.roost.devices.discovered.Options;
import dev.roost.devices.discovered.Outgoing;
import dev.roost.devices.discovered.Payload;

import java.util.List;
import java.util.Map;

/**
 * A {@code light} with {@code schema: json} (Zigbee2MQTT, ESPHome): one JSON state such as
 * {@code {"state":"ON","brightness":254,"color_temp":370}} and one JSON command on {@code command_topic}, with
 * brightness on the light's {@code brightness_scale}.
 */
public final class JsonLightEntity extends Entity {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String stateTopic;
    private final String commandTopic;
    private final Brightness brightness;
    private final boolean dimmable;
    private final boolean colorTemp;
    private final boolean rgb;

    public JsonLightEntity(EntityConfig source, Options options) {
        super(source, options);
        this.stateTopic = options.topic("state_topic");
        this.commandTopic = options.topic("command_topic");
        this.brightness = new Brightness(options.number("brightness_scale", Brightness.DEFAULT_SCALE));
        List<String> modes = options.texts("supported_color_modes", List.of());
        this.colorTemp = modes.contains("color_temp") || options.flag("color_temp", false);
        this.rgb = modes.stream().anyMatch(m -> List.of("rgb", "rgbw", "rgbww", "hs", "xy").contains(m))
                || options.flag("rgb", false);
        this.dimmable = options.flag("brightness", false) || colorTemp || rgb || modes.contains("brightness")
                || modes.contains("white");
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
        return stateTopic == null ? List.of() : List.of(stateTopic);
    }

    @Override
    protected void onState(String topic, Payload payload) {
        if (!(payload.json() instanceof Map<?, ?> state)) {
            return;
        }
        if (state.get("state") instanceof String word && List.of("ON", "OFF").contains(upper(word))) {
            put("state", upper(word));
        }
        if (dimmable && state.get("brightness") instanceof Number raw) {
            put("brightness", brightness.toPercent(raw.doubleValue()));
        }
        if (colorTemp && state.get("color_temp") instanceof Number mireds) {
            put("color_temp", mireds.intValue());
        }
        if (rgb && state.get("color") instanceof Map<?, ?> colour && colour.get("r") instanceof Number r
                && colour.get("g") instanceof Number g && colour.get("b") instanceof Number b) {
            put("rgb", List.of(r.intValue(), g.intValue(), b.intValue()));
        }
    }

    @Override
    public List<Outgoing> command(JsonNode command) {
        LightCommand wanted = LightCommand.read(command, dimmable, colorTemp, rgb);
        if (commandTopic == null) {
            throw new dev.roost.devices.command.CommandReader.Invalid("state", "this light announced no command_topic");
        }
        ObjectNode body = JSON.createObjectNode();
        body.put("state", wanted.on() ? "ON" : "OFF");
        if (wanted.brightness() != null) {
            body.put("brightness", brightness.toDevice(wanted.brightness()));
        }
        if (wanted.colorTemp() != null) {
            body.put("color_temp", wanted.colorTemp());
        }
        if (wanted.rgb() != null) {
            ObjectNode colour = body.putObject("color");
            colour.put("r", wanted.rgb()[0]);
            colour.put("g", wanted.rgb()[1]);
            colour.put("b", wanted.rgb()[2]);
        }
        return List.of(new Outgoing(commandTopic, body.toString(), qos, retain));
    }
}
