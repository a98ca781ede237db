package dev.roost.rules.model;

/** A 1-based line and column in a rule document, so an editor can point at the mistake. */
public record SourcePosition(int line, int column) {

    /** For errors found on the parsed rule rather than in its text, which have no position. */
    public static final SourcePosition UNKNOWN = new SourcePosition(0, 0);

    public boolean isKnown() {
        return line > 0;
    }
}
