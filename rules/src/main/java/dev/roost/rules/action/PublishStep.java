package dev.roost.rules.action;

import dev.roost.rules.sandbox.Bindings;
import dev.roost.rules.sandbox.EvaluationFailed;
import dev.roost.rules.sandbox.Template;

/** Publishes a message whose payload is rendered from an {@code @{...}} template for each run. */
public record PublishStep(String topic, Template payload, int qos, boolean retain) implements Step {

    @Override
    public String kind() {
        return "publish";
    }

    @Override
    public String perform(Bindings bindings, ActionEffects effects) throws EvaluationFailed {
        String rendered = payload.render(bindings);
        effects.publish(topic, rendered, qos, retain);
        return topic + " " + rendered;
    }
}
