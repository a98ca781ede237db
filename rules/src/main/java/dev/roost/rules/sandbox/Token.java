package dev.roost.rules.sandbox;

/**
 * One lexical token of an expression.
 *
 * @param text  the token as written ({@code "value"}, {@code "&&"}, {@code "'closed'"})
 * @param value for literals, the value: the unescaped string, or the number as written
 * @param end   the offset just past the token in the text being read, so templates know where an expression stops
 */
record Token(Kind kind, String text, String value, SourcePoint at, int end) {

    enum Kind { NAME, NUMBER, STRING, SYMBOL, END }

    boolean is(String symbol) {
        return kind == Kind.SYMBOL && text.equals(symbol);
    }

    boolean isName(String name) {
        return kind == Kind.NAME && text.equals(name);
    }

    /** How the token reads in an error message. */
    String describe() {
        return kind == Kind.END ? "the end of the expression" : "'" + text + "'";
    }
}
