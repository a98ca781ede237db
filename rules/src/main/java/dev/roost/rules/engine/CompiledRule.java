package dev.roost.rules.engine;

import dev.roost.rules.action.Step;
import dev.roost.rules.model.Rule;
import dev.roost.rules.sandbox.Expression;
import java.util.List;

/**
 * A valid rule with its condition and actions compiled through the sandbox, once, when it was saved or
 * loaded; {@code condition} is null when the rule has no {@code if}.
 */
public record CompiledRule(Rule rule, Expression condition, List<Step> steps) {

    public CompiledRule {
        steps = List.copyOf(steps);
    }

    public String id() {
        return rule.id();
    }
}
