package dev.roost.web.rules;

import java.util.List;

/**
 * The outcome of a {@link RuleBook} call: a value to return, the problems of a refused document, or no such rule.
 */
public record RuleAnswer(Object value, List<RuleProblem> problems, boolean notFound) {

    public RuleAnswer {
        problems = problems == null ? List.of() : List.copyOf(problems);
    }

    public static RuleAnswer ok(Object value) {
        return new RuleAnswer(value, List.of(), false);
    }

    public static RuleAnswer invalid(List<RuleProblem> problems) {
        return new RuleAnswer(null, problems, false);
    }

    public static RuleAnswer missing() {
        return new RuleAnswer(null, List.of(), true);
    }

    /** One reason a rule was refused: the field as written, where in the text (0 when unknown), and why. */
    public record RuleProblem(String field, int line, int column, String detail) {
    }
}
