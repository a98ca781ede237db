package dev.roost.rules.sandbox;

/**
 * A condition or template refused when it is compiled: a syntax error or a construct the sandbox does not allow,
 * with the 1-based line and column where it starts.
 */
public final class ExpressionRejected extends Exception {

    private static final long serialVersionUID = 1L;

    private final int line;
    private final int column;
    private final String construct;

    private ExpressionRejected(int line, int column, String construct, String message) {
        super("line " + line + ", column " + column + ": " + message);
        this.line = line;
        this.column = column;
        this.construct = construct;
    }

    /** A construct the sandbox forbids, e.g. {@code new} or {@code class reference Runtime}. */
    static ExpressionRejected notAllowed(SourcePoint at, String construct) {
        return new ExpressionRejected(at.line(), at.column(), construct,
                construct + " is not allowed in a rule expression");
    }

    /** Text that is not an expression at all; {@code construct} names what was found there. */
    static ExpressionRejected syntax(SourcePoint at, String construct, String reason) {
        return new ExpressionRejected(at.line(), at.column(), construct, reason);
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** What was refused, in the words of the error: {@code "new"}, {@code "while loop"}, {@code "method exec"}. */
    public String construct() {
        return construct;
    }
}
