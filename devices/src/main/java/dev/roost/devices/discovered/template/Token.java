package dev.roost.devices.discovered.template;

/**
 * One lexical unit of a template: a run of literal text, a tag delimiter, or a token inside a tag. {@code value}
 * is the decoded literal for strings and numbers, null otherwise; {@code line} and {@code column} count from 1.
 */
record Token(Kind kind, String text, Object value, int line, int column) {

    enum Kind { TEXT, VARIABLE_BEGIN, VARIABLE_END, BLOCK_BEGIN, BLOCK_END, NAME, STRING, INTEGER, FLOAT, OPERATOR, END }

    boolean isOperator(String op) {
        return kind == Kind.OPERATOR && text.equals(op);
    }

    boolean isName(String name) {
        return kind == Kind.NAME && text.equals(name);
    }

    /** Where the token starts, as messages give it: {@code line 1, column 14}. */
    String position() {
        return "line " + line + ", column " + column;
    }

    /** The token as a message names it. */
    String describe() {
        return switch (kind) {
            case END -> "the end of the template";
            case VARIABLE_END -> "'}}'";
            case BLOCK_END -> "'%}'";
            case TEXT -> "text";
            default -> "'" + text + "'";
        };
    }
}
