package dev.roost.rules.sandbox;

/** A rule condition compiled once through the sandbox and evaluated per message; thread-safe. */
public interface Expression {

    /**
     * Evaluates against one message's bindings. The result is null or a String, Number, Boolean, Character, Map,
     * List, ZonedDateTime, DayOfWeek or Month; anything else fails, whatever the expression.
     */
    Object evaluate(Bindings bindings) throws EvaluationFailed;

    /** Evaluates as a condition: the result must be {@code true} or {@code false}, anything else fails. */
    boolean test(Bindings bindings) throws EvaluationFailed;

    /** The text as the rule's author wrote it. */
    String source();
}
