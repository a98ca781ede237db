package dev.roost.rules.model;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of reading a rule document: the rule when the text could be read (even if it is invalid),
 * and every error found; the rule may be used only when {@link #isValid()}.
 */
public record RuleParseResult(Optional<Rule> rule, List<RuleError> errors) {

    public RuleParseResult {
        errors = List.copyOf(errors);
    }

    public boolean isValid() {
        return rule.isPresent() && errors.isEmpty();
    }
}
