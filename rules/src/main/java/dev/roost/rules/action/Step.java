package dev.roost.rules.action;

import dev.roost.rules.sandbox.Bindings;
import dev.roost.rules.sandbox.EvaluationFailed;

/**
 * One compiled action of a rule's {@code then} list, ready to run many times; templates and expressions in
 * it were compiled through the sandbox when the rule was saved or loaded.
 */
public sealed interface Step permits PublishStep, DelayStep, SetStep, LogStep {

    /** The action's kind as written in rule documents: {@code publish}, {@code delay}, {@code set}, {@code log}. */
    String kind();

    /**
     * Does the action through {@code effects} and returns what it did, for the run history. A delay does
     * nothing here: the engine waits between steps.
     *
     * @throws EvaluationFailed when a template or expression of the action fails on these bindings
     */
    String perform(Bindings bindings, ActionEffects effects) throws EvaluationFailed;
}
