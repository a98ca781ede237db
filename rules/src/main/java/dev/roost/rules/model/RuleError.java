package dev.roost.rules.model;

/**
 * One reason a rule document cannot be used: the field as written in the document (e.g. {@code id},
 * {@code then[0].qos}), why, and where in the text when the error was found while reading it.
 */
public record RuleError(String field, String reason, SourcePosition position) {

    /** An error about the parsed rule, which has no position in the text. */
    public RuleError(String field, String reason) {
        this(field, reason, SourcePosition.UNKNOWN);
    }
}
