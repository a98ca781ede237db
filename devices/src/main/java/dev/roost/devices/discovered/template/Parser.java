package dev.roost.devices.discovered.template;

import dev.roost.devices.discovered.template.Token.Kind;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Turns tokens into statements: text, {@code {{ }}} outputs, {@code if}/{@code elif}/{@code else} and
 * {@code set}. Every other tag ({@code for}, {@code macro}, {@code include}, {@code raw}...) is refused by name.
 */
final class Parser {

    private static final Set<String> CONSTANTS = Set.of("true", "false", "none", "True", "False", "None");

    private final TokenStream in;
    private final ExpressionParser expressions;

    private Parser(List<Token> tokens) {
        this.in = new TokenStream(tokens);
        this.expressions = new ExpressionParser(in);
    }

    static List<Stmt> parse(String source) throws TemplateException {
        Parser parser = new Parser(Lexer.tokenize(source));
        Body body = parser.parseBody(Set.of());
        return body.statements();
    }

    /** Statements up to one of the {@code stops} tags (its name consumed) or the end. */
    private record Body(List<Stmt> statements, String stop) {
    }

    private Body parseBody(Set<String> stops) throws TemplateException {
        List<Stmt> statements = new ArrayList<>();
        while (true) {
            Token t = in.next();
            switch (t.kind()) {
                case END:
                    return new Body(List.copyOf(statements), null);
                case TEXT:
                    statements.add(new Stmt.Text(t.text()));
                    break;
                case VARIABLE_BEGIN:
                    statements.add(new Stmt.Output(expressions.parseTuple()));
                    in.expect(Kind.VARIABLE_END, "'}}'");
                    break;
                case BLOCK_BEGIN:
                    Token tag = in.expect(Kind.NAME, "a tag name");
                    if (stops.contains(tag.text())) {
                        return new Body(List.copyOf(statements), tag.text());
                    }
                    statements.add(parseTag(tag));
                    break;
                default:
                    throw in.error(t, "unexpected " + t.describe());
            }
        }
    }

    private Stmt parseTag(Token tag) throws TemplateException {
        switch (tag.text()) {
            case "if":
                return parseIf(tag);
            case "set":
                return parseSet(tag);
            case "elif", "else", "endif":
                throw in.error(tag, "'" + tag.text() + "' without an open 'if'");
            default:
                throw in.error(tag, "unsupported tag '" + tag.text() + "'");
        }
    }

    private Stmt parseIf(Token tag) throws TemplateException {
        in.enter(tag);
        List<Expr> conditions = new ArrayList<>();
        List<List<Stmt>> bodies = new ArrayList<>();
        List<Stmt> otherwise = List.of();
        String stop = "elif";
        while (stop.equals("elif")) {
            conditions.add(expressions.parseTuple());
            in.expect(Kind.BLOCK_END, "'%}'");
            Body body = parseBody(Set.of("elif", "else", "endif"));
            bodies.add(body.statements());
            stop = body.stop();
            if (stop == null) {
                throw in.error(tag, "this 'if' is never closed; expected 'endif'");
            }
        }
        if (stop.equals("else")) {
            in.expect(Kind.BLOCK_END, "'%}'");
            Body body = parseBody(Set.of("endif"));
            if (body.stop() == null) {
                throw in.error(tag, "this 'if' is never closed; expected 'endif'");
            }
            otherwise = body.statements();
        }
        in.expect(Kind.BLOCK_END, "'%}'");
        in.leave();
        return new Stmt.If(List.copyOf(conditions), List.copyOf(bodies), otherwise);
    }

    private Stmt parseSet(Token tag) throws TemplateException {
        Token name = in.expect(Kind.NAME, "a variable name");
        if (CONSTANTS.contains(name.text())) {
            throw in.error(name, "cannot assign to " + name.text());
        }
        if (in.peek().isOperator(".") || in.peek().isOperator(",")) {
            throw in.error(in.peek(), "set assigns one plain name; namespaces and unpacking are not supported");
        }
        if (in.peek().kind() == Kind.BLOCK_END) {
            throw in.error(tag, "block set ({% set x %}...{% endset %}) is not supported");
        }
        in.expectOperator("=");
        Expr value = expressions.parseTuple();
        in.expect(Kind.BLOCK_END, "'%}'");
        return new Stmt.Set(name.text(), value);
    }
}
