package dev.roost.rules.action;

import dev.roost.rules.sandbox.Bindings;
import dev.roost.rules.sandbox.EvaluationFailed;
import dev.roost.rules.sandbox.Template;

/** Writes a line, rendered from an {@code @{...}} template, to the hub log and the run history. */
public record LogStep(Template message) implements Step {

    @Override
    public String kind() {
        return "log";
    }

    @Override
    public String perform(Bindings bindings, ActionEffects effects) throws EvaluationFailed {
        String rendered = message.render(bindings);
        effects.log(rendered);
        return rendered;
    }
}
