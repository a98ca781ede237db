package dev.roost.devices.discovered.template;

import dev.roost.devices.discovered.template.Token.Kind;

import java.util.List;

/**
 * The parsers' cursor over the tokens, with the nesting count that {@link Limits#MAX_DEPTH} bounds and the
 * positioned messages they fail with ({@code line 1, column 14: expected '}}'}).
 */
final class TokenStream {

    private final List<Token> tokens;
    private int index;
    private int depth;

    TokenStream(List<Token> tokens) {
        this.tokens = tokens;
    }

    Token peek() {
        return tokens.get(index);
    }

    Token peekAfter() {
        return tokens.get(Math.min(index + 1, tokens.size() - 1));
    }

    Token next() {
        Token t = tokens.get(index);
        if (t.kind() != Kind.END) {
            index++;
        }
        return t;
    }

    boolean skipOperator(String op) {
        if (peek().isOperator(op)) {
            index++;
            return true;
        }
        return false;
    }

    boolean skipName(String name) {
        if (peek().isName(name)) {
            index++;
            return true;
        }
        return false;
    }

    Token expectOperator(String op) throws TemplateException {
        if (!peek().isOperator(op)) {
            throw expected("'" + op + "'");
        }
        return next();
    }

    Token expect(Kind kind, String description) throws TemplateException {
        if (peek().kind() != kind) {
            throw expected(description);
        }
        return next();
    }

    TemplateException expected(String what) {
        Token t = peek();
        return new TemplateException(t.position() + ": expected " + what
                + (t.kind() == Kind.END ? "" : ", found " + t.describe()));
    }

    TemplateException error(Token at, String reason) {
        return new TemplateException(at.position() + ": " + reason);
    }

    /** One level deeper (a bracket, a unary operator, an if block), refused past {@link Limits#MAX_DEPTH}. */
    void enter(Token at) throws TemplateException {
        if (++depth > Limits.MAX_DEPTH) {
            throw error(at, "nested more than " + Limits.MAX_DEPTH + " levels deep");
        }
    }

    void leave() {
        depth--;
    }
}
