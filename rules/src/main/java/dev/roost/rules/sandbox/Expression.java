package dev.roost.rules.sandbox;

/** A rule condition compiled once through the sandbox and evaluated per message; thread-safe. */
public interface Expression {

    /** Evaluates against one message's bindings; the result is a String, Long, Integer, Double, Boolean, Map, List or null. */
    Object evaluate(Bindings bindings) throws EvaluationFailed;

    /** Evaluates as a condition: the result must be {@code true} or {@code false}, anything else fails. */
    boolean test(Bindings bindings) throws EvaluationFailed;

    /** The text as the rule's author wrote it. */
    String source();
}
