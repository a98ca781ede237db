package dev.roost.rules.sandbox;

import java.util.Map;

/** What an expression sees of its own rule: {@code rule.id} and the rule's variables as {@code rule.vars.x}. */
public record RuleInfo(String id, Map<String, Object> vars) {

    public RuleInfo {
        vars = vars == null ? Map.of() : vars;
    }
}
