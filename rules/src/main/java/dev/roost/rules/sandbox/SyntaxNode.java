package dev.roost.rules.sandbox;

/**
 * A parsed sub-expression, already written out as the MVEL text that will be compiled for it.
 *
 * @param mvel       canonical MVEL for this sub-expression, built only from constructs the sandbox allows
 * @param type       what is known of its value, to choose the methods it may call
 * @param precedence how tightly it binds (higher binds tighter), so chains of one operator stay flat
 * @param literal    whether it is a single number or string written in the expression
 */
record SyntaxNode(String mvel, ValueType type, int precedence, boolean literal) {

    static final int TERNARY = 1;
    static final int OR = 2;
    static final int AND = 3;
    static final int EQUALITY = 4;
    static final int RELATIONAL = 5;
    static final int ADDITIVE = 6;
    static final int MULTIPLICATIVE = 7;
    static final int ATOM = 9;

    static SyntaxNode atom(String mvel, ValueType type) {
        return new SyntaxNode(mvel, type, ATOM, false);
    }

    static SyntaxNode literal(String mvel, ValueType type) {
        return new SyntaxNode(mvel, type, ATOM, true);
    }

    /** This node's MVEL, in parentheses unless it binds at least as tightly as {@code required}. */
    String operand(int required) {
        return precedence >= required ? mvel : "(" + mvel + ")";
    }
}
