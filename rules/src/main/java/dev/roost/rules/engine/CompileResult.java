package dev.roost.rules.engine;

import dev.roost.rules.model.RuleError;
import java.util.List;
import java.util.Optional;

/** The outcome of compiling a rule: the compiled rule, or every expression the sandbox refused. */
public record CompileResult(Optional<CompiledRule> rule, List<RuleError> errors) {

    public CompileResult {
        errors = List.copyOf(errors);
    }

    static CompileResult of(CompiledRule rule) {
        return new CompileResult(Optional.of(rule), List.of());
    }

    static CompileResult rejected(List<RuleError> errors) {
        return new CompileResult(Optional.empty(), errors);
    }
}
