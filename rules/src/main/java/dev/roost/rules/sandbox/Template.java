package dev.roost.rules.sandbox;

/** Text with {@code @{...}} expressions, such as a publish payload, compiled once and rendered per run; thread-safe. */
public interface Template {

    /** The literal text with each {@code @{...}} replaced by its value ({@code null} renders as the empty string). */
    String render(Bindings bindings) throws EvaluationFailed;

    /** The text as the rule's author wrote it. */
    String source();
}
