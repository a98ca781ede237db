package dev.roost.devices.discovered.component;

import dev.roost.devices.discovered.Entity;
import dev.roost.devices.discovered.EntityConfig;
import dev.roost.devices.discovered.Options;
import dev.roost.devices.discovered.Payload;
import dev.roost.devices.discovered.template.Template;
import dev.roost.devices.discovered.template.TemplateException;

import java.util.List;

/**
 * A {@code sensor}: its {@code state_topic} through {@code value_template} is the reading, a number when it reads
 * as one. A message the template finds nothing in (Zigbee2MQTT's shared state without this field) changes
 * nothing. Also serves unknown components, read-only, with their {@code state_topic} as text.
 */
public final class SensorEntity extends Entity {

    private final String stateTopic;
    private final Template valueTemplate;

    public SensorEntity(EntityConfig source, Options options) {
        super(source, options);
        this.stateTopic = options.topic("state_topic");
        this.valueTemplate = options.template("value_template");
        finish(options);
    }

    @Override
    public String mainField() {
        return "value";
    }

    @Override
    protected List<String> stateTopics() {
        return stateTopic == null ? List.of() : List.of(stateTopic);
    }

    @Override
    protected void onState(String topic, Payload payload) throws TemplateException {
        String text = rendered(payload, valueTemplate);
        if (!text.isEmpty()) {
            put("value", reading(text));
        }
    }
}
