package dev.roost.rules.engine;

import java.util.List;

/**
 * What a rule would do with a sample message: which of its triggers fire ({@code triggered}), the
 * condition's result (null without a condition or when it was not reached), what each action would do, and
 * why it would stop ({@code error}, or a note such as "no trigger matches"). Nothing was published or stored.
 */
public record DryRunReport(List<String> triggers, boolean triggered, Boolean conditionResult, List<StepRecord> steps,
                           String error) {

    public DryRunReport {
        triggers = List.copyOf(triggers);
        steps = List.copyOf(steps);
    }
}
