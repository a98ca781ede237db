package dev.roost.rules.model;

import java.util.List;

/**
 * The outcome of reading a file of rules (a YAML list of rule documents): the rules, each rule's document as
 * YAML, and every error, its field prefixed with the rule's place in the list ({@code [2].when[0].cron}).
 * The rules may be used only when there are no errors.
 */
public record RuleSetParseResult(List<Rule> rules, List<String> documents, List<RuleError> errors) {

    public RuleSetParseResult {
        rules = List.copyOf(rules);
        documents = List.copyOf(documents);
        errors = List.copyOf(errors);
    }

    public boolean isValid() {
        return errors.isEmpty();
    }
}
