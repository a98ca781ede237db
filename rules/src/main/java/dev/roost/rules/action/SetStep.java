package dev.roost.rules.action;

import dev.roost.rules.sandbox.Bindings;
import dev.roost.rules.sandbox.EvaluationFailed;
import dev.roost.rules.sandbox.Expression;

/** Sets a rule variable to the value of an expression evaluated for this run. */
public record SetStep(String variable, Expression value) implements Step {

    @Override
    public String kind() {
        return "set";
    }

    @Override
    public String perform(Bindings bindings, ActionEffects effects) throws EvaluationFailed {
        Object result = value.evaluate(bindings);
        effects.setVariable(variable, result);
        return variable + " = " + result;
    }
}
