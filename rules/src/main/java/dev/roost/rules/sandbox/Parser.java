package dev.roost.rules.sandbox;

import java.util.ArrayList;
import java.util.List;

/**
 * Recursive-descent parser for the expression subset the sandbox allows: literals, the six bindings, map and
 * list access, allow-listed method calls, {@code Math} functions, arithmetic, comparison, logic and
 * {@code a ? b : c}. Everything else is refused with its position and name. The output is canonical MVEL
 * written from the parse, so MVEL never sees a character of the author's text that this parser did not
 * understand. Not thread-safe: one parser per compilation.
 */
final class Parser {

    private final Lexer lexer;
    private final int maxNesting;
    private final int maxConcatenations;
    private int concatenations;
    private final MemberParser members;
    private Token current;
    private int depth;

    /** {@code concatenationsBefore} counts text joins already spent, by earlier parts of the same template. */
    Parser(Lexer lexer, ExpressionLimits limits, int concatenationsBefore) throws ExpressionRejected {
        this.lexer = lexer;
        this.maxNesting = limits.maxNesting();
        this.maxConcatenations = limits.maxConcatenations();
        this.concatenations = concatenationsBefore;
        this.members = new MemberParser(this);
        this.current = lexer.next();
    }

    /** Parses one whole expression that must be followed by the end of the text, or by {@code terminator}. */
    SyntaxNode parseAll(String terminator) throws ExpressionRejected {
        if (current.kind() == Token.Kind.END || terminator != null && current.is(terminator)) {
            throw ExpressionRejected.syntax(current.at(), "empty expression", "the expression is empty");
        }
        SyntaxNode node = expression();
        boolean ended = terminator == null ? current.kind() == Token.Kind.END : current.is(terminator);
        if (!ended) {
            throw unexpected(terminator == null ? "an operator or the end of the expression" : "an operator or '"
                    + terminator + "'");
        }
        return node;
    }

    /** Text joins counted so far, including those spent before this parser started. */
    int concatenations() {
        return concatenations;
    }

    Token current() {
        return current;
    }

    Token advance() throws ExpressionRejected {
        Token taken = current;
        current = lexer.next();
        return taken;
    }

    Token expect(String symbol) throws ExpressionRejected {
        if (!current.is(symbol)) {
            throw unexpected("'" + symbol + "'");
        }
        return advance();
    }

    /** One level deeper, refused beyond the limit so neither our recursion nor MVEL's can overflow the stack. */
    void deeper(SourcePoint at) throws ExpressionRejected {
        if (++depth > maxNesting) {
            throw ExpressionRejected.syntax(at, "nesting", "the expression nests deeper than " + maxNesting
                    + " levels");
        }
    }

    int depth() {
        return depth;
    }

    void backTo(int level) {
        depth = level;
    }

    SyntaxNode expression() throws ExpressionRejected {
        deeper(current.at());
        SyntaxNode condition = binary(SyntaxNode.OR);
        if (current.is("?")) {
            advance();
            SyntaxNode whenTrue = expression();
            expect(":");
            SyntaxNode whenFalse = expression();
            ValueType type = whenTrue.type() == whenFalse.type() ? whenTrue.type() : ValueType.ANY;
            condition = new SyntaxNode(condition.operand(SyntaxNode.ATOM) + " ? " + whenTrue.operand(SyntaxNode.ATOM)
                    + " : " + whenFalse.operand(SyntaxNode.ATOM), type, SyntaxNode.TERNARY, false);
        }
        depth--;
        return condition;
    }

    List<SyntaxNode> arguments() throws ExpressionRejected {
        expect("(");
        List<SyntaxNode> args = new ArrayList<>();
        if (!current.is(")")) {
            args.add(expression());
            while (current.is(",")) {
                advance();
                args.add(expression());
            }
        }
        expect(")");
        return args;
    }

    /** Left-associative binary operators, one precedence level per call. */
    private SyntaxNode binary(int level) throws ExpressionRejected {
        if (level > SyntaxNode.MULTIPLICATIVE) {
            return unary();
        }
        SyntaxNode left = binary(level + 1);
        String op;
        while ((op = operatorAt(level)) != null) {
            Token operator = advance();
            SyntaxNode right = binary(level + 1);
            if (level == SyntaxNode.EQUALITY) {
                checkComparable(operator, left, right);
            }
            // MVEL does not give && precedence over || (it reads "true || false && false" as false), so every
            // operand that is itself an operation is parenthesised, except a left operand of the same level,
            // which keeps chains such as "10 - 3 - 2" flat and left-associative as in Java.
            String leftMvel = left.precedence() == level ? left.mvel() : left.operand(SyntaxNode.ATOM);
            if (op.equals("/")) {
                // MVEL divides literals as decimals (7 / 2 is 3.5) but whole numbers from payloads as integers
                // (3 / 2 is 1); making the dividend a double gives every division the decimal answer.
                leftMvel = "(" + leftMvel + " * 1.0)";
            }
            String mvel = leftMvel + " " + op + " " + right.operand(SyntaxNode.ATOM);
            left = new SyntaxNode(mvel, resultType(level, op, left, right), level, false);
            if (op.equals("+") && left.type() != ValueType.NUMBER) {
                countConcatenation(operator);
            }
        }
        return left;
    }

    /** MVEL compares a day or month with text silently as unequal, so {@code == 'SATURDAY'} would never hold. */
    private static void checkComparable(Token operator, SyntaxNode left, SyntaxNode right) throws ExpressionRejected {
        boolean dayAndText = left.type() == ValueType.DAY_OR_MONTH && right.type() == ValueType.TEXT
                || left.type() == ValueType.TEXT && right.type() == ValueType.DAY_OR_MONTH;
        if (dayAndText) {
            throw ExpressionRejected.syntax(operator.at(), "comparison", "a day or month is never equal to text; "
                    + "compare its name, as in now.getDayOfWeek().name() == 'SATURDAY'");
        }
    }

    /** A {@code +} that may join text can copy a whole payload; their number bounds an evaluation's memory. */
    private void countConcatenation(Token operator) throws ExpressionRejected {
        if (++concatenations > maxConcatenations) {
            throw ExpressionRejected.syntax(operator.at(), "concatenation", "more than " + maxConcatenations
                    + " '+' that may join text; each can copy a whole payload");
        }
    }

    private String operatorAt(int level) {
        if (current.kind() != Token.Kind.SYMBOL) {
            return null;
        }
        String op = current.text();
        boolean matches = switch (level) {
            case SyntaxNode.OR -> op.equals("||");
            case SyntaxNode.AND -> op.equals("&&");
            case SyntaxNode.EQUALITY -> op.equals("==") || op.equals("!=");
            case SyntaxNode.RELATIONAL -> op.equals("<") || op.equals("<=") || op.equals(">") || op.equals(">=");
            case SyntaxNode.ADDITIVE -> op.equals("+") || op.equals("-");
            default -> op.equals("*") || op.equals("/") || op.equals("%");
        };
        return matches ? op : null;
    }

    private static ValueType resultType(int level, String op, SyntaxNode left, SyntaxNode right) {
        if (level <= SyntaxNode.RELATIONAL) {
            return ValueType.BOOLEAN;
        }
        return op.equals("+") ? ValueType.ofSum(left.type(), right.type()) : ValueType.NUMBER;
    }

    private SyntaxNode unary() throws ExpressionRejected {
        if (current.is("!") || current.is("-")) {
            String op = advance().text();
            deeper(current.at());
            SyntaxNode operand = unary();
            depth--;
            ValueType type = op.equals("!") ? ValueType.BOOLEAN : ValueType.NUMBER;
            // Always parenthesised, so "a - -1" and "!!x" reach MVEL without any ambiguity.
            return SyntaxNode.atom("(" + op + operand.operand(SyntaxNode.ATOM) + ")", type);
        }
        return members.postfix(primary());
    }

    private SyntaxNode primary() throws ExpressionRejected {
        Token token = current;
        switch (token.kind()) {
            case NUMBER:
                advance();
                return SyntaxNode.literal(Literals.number(token), ValueType.NUMBER);
            case STRING:
                advance();
                return SyntaxNode.literal(Literals.string(token.value()), ValueType.TEXT);
            case NAME:
                return members.name();
            default:
                if (token.is("(")) {
                    advance();
                    SyntaxNode inner = expression();
                    expect(")");
                    return SyntaxNode.atom("(" + inner.mvel() + ")", inner.type());
                }
                if (token.is("[")) {
                    throw ExpressionRejected.notAllowed(token.at(), "inline list '['");
                }
                throw unexpected("a value");
        }
    }

    /** An error for the current token: the construct it stands for if it is forbidden, else a syntax error. */
    ExpressionRejected unexpected(String expected) {
        if (current.kind() == Token.Kind.SYMBOL && ForbiddenConstructs.symbol(current.text()) != null) {
            return ExpressionRejected.notAllowed(current.at(), ForbiddenConstructs.symbol(current.text()));
        }
        if (current.kind() == Token.Kind.NAME && ForbiddenConstructs.keyword(current.text()) != null) {
            return ExpressionRejected.notAllowed(current.at(), ForbiddenConstructs.keyword(current.text()));
        }
        return ExpressionRejected.syntax(current.at(), current.describe(),
                "expected " + expected + " but found " + current.describe());
    }
}
