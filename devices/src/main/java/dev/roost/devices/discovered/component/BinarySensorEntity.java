package dev.roost.devices.discovered.component;

import dev.roost.devices.discovered.Entity;
import dev.roost.devices.discovered.EntityConfig;
import dev.roost.devices.discovered.Options;
import dev.roost.devices.discovered.Payload;
import dev.roost.devices.discovered.template.Template;
import dev.roost.devices.discovered.template.TemplateException;

import java.util.List;

/**
 * A {@code binary_sensor}: {@code ON} or {@code OFF}, as the rendered value equals {@code payload_on} or
 * {@code payload_off}. Those may be JSON booleans (Zigbee2MQTT's door contact has {@code payload_on: false}), read
 * as Home Assistant does ({@code False}), which is how a template renders the JSON {@code false} it reads.
 */
public final class BinarySensorEntity extends Entity {

    private final String stateTopic;
    private final Template valueTemplate;
    private final String on;
    private final String off;

    public BinarySensorEntity(EntityConfig source, Options options) {
        super(source, options);
        this.stateTopic = options.topic("state_topic");
        this.valueTemplate = options.template("value_template");
        this.on = options.text("payload_on", "ON");
        this.off = options.text("payload_off", "OFF");
        finish(options);
    }

    @Override
    public String mainField() {
        return "state";
    }

    @Override
    protected List<String> stateTopics() {
        return stateTopic == null ? List.of() : List.of(stateTopic);
    }

    @Override
    protected void onState(String topic, Payload payload) throws TemplateException {
        String text = rendered(payload, valueTemplate);
        if (text.equals(on)) {
            put("state", "ON");
        } else if (text.equals(off)) {
            put("state", "OFF");
        }
    }
}
