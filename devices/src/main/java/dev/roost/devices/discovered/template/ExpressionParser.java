package dev.roost.devices.discovered.template;

import dev.roost.devices.discovered.template.Lexer.Kind;
import dev.roost.devices.discovered.template.Lexer.Token;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses one Jinja expression with Jinja's precedence: conditional, {@code or}, {@code and}, {@code not},
 * comparisons and {@code in}, {@code + -}, {@code ~}, {@code * / // %}, {@code **}, unary minus, then postfix
 * attribute, subscript, filter and test.
 */
final class ExpressionParser {

    static final int MAX_DEPTH = 32;

    private final List<Token> tokens;
    private int at;
    private int depth;

    private ExpressionParser(List<Token> tokens) {
        this.tokens = tokens;
    }

    static Node parse(String source) throws TemplateException {
        ExpressionParser parser = new ExpressionParser(Lexer.tokens(source));
        Node node = parser.conditional();
        if (parser.peek().kind() != Kind.END) {
            throw new TemplateException("unexpected '" + parser.peek().text() + "' in " + source.strip());
        }
        return node;
    }

    private Node conditional() throws TemplateException {
        enter();
        Node value = or();
        if (word("if")) {
            Node condition = or();
            Node otherwise = word("else") ? conditional() : null;
            value = new Node.Conditional(condition, value, otherwise);
        }
        depth--;
        return value;
    }

    private Node or() throws TemplateException {
        Node left = and();
        while (word("or")) {
            left = new Node.Binary("or", left, and());
        }
        return left;
    }

    private Node and() throws TemplateException {
        Node left = not();
        while (word("and")) {
            left = new Node.Binary("and", left, not());
        }
        return left;
    }

    private Node not() throws TemplateException {
        if (word("not")) {
            enter();
            Node operand = not();
            depth--;
            return new Node.Unary("not", operand);
        }
        return compare();
    }

    private Node compare() throws TemplateException {
        Node left = sum();
        while (true) {
            String operator = operator("==", "!=", "<=", ">=", "<", ">");
            if (operator != null) {
                left = new Node.Binary(operator, left, sum());
            } else if (word("in")) {
                left = new Node.Binary("in", left, sum());
            } else if (peek().kind() == Kind.NAME && peek().text().equals("not")
                    && tokens.get(at + 1).text().equals("in")) {
                at += 2;
                left = new Node.Unary("not", new Node.Binary("in", left, sum()));
            } else {
                return left;
            }
        }
    }

    private Node sum() throws TemplateException {
        Node left = concat();
        for (String operator = operator("+", "-"); operator != null; operator = operator("+", "-")) {
            left = new Node.Binary(operator, left, concat());
        }
        return left;
    }

    private Node concat() throws TemplateException {
        Node left = product();
        while (operator("~") != null) {
            left = new Node.Binary("~", left, product());
        }
        return left;
    }

    private Node product() throws TemplateException {
        Node left = power();
        for (String operator = operator("*", "/", "//", "%"); operator != null;
             operator = operator("*", "/", "//", "%")) {
            left = new Node.Binary(operator, left, power());
        }
        return left;
    }

    private Node power() throws TemplateException {
        Node left = unary();
        while (operator("**") != null) {
            left = new Node.Binary("**", left, unary());
        }
        return left;
    }

    private Node unary() throws TemplateException {
        if (operator("-") != null) {
            enter();
            Node operand = unary();
            depth--;
            return new Node.Unary("-", operand);
        }
        if (operator("+") != null) {
            return unary();
        }
        return postfix(primary());
    }

    private Node postfix(Node node) throws TemplateException {
        while (true) {
            if (operator(".") != null) {
                Token name = next();
                if (name.kind() != Kind.NAME && name.kind() != Kind.NUMBER) {
                    throw new TemplateException("expected a name after '.'");
                }
                node = new Node.Item(node, new Node.Literal(name.kind() == Kind.NUMBER ? name.value() : name.text()));
            } else if (operator("[") != null) {
                Node index = conditional();
                expect("]");
                node = new Node.Item(node, index);
            } else if (operator("|") != null) {
                String name = name("a filter name after '|'");
                node = new Node.Filter(node, name, peekIs("(") ? arguments() : List.of());
            } else if (word("is")) {
                boolean negated = word("not");
                String name = name("a test name after 'is'");
                List<Node> arguments = peekIs("(") ? arguments()
                        : startsValue() ? List.of(primary()) : List.of();
                node = new Node.Test(node, name, arguments, negated);
            } else if (peekIs("(")) {
                throw new TemplateException("calling methods on values is not supported");
            } else {
                return node;
            }
        }
    }

    private Node primary() throws TemplateException {
        Token token = next();
        switch (token.kind()) {
            case NUMBER, STRING -> {
                return new Node.Literal(token.value());
            }
            case NAME -> {
                return switch (token.text()) {
                    case "true", "True" -> new Node.Literal(Boolean.TRUE);
                    case "false", "False" -> new Node.Literal(Boolean.FALSE);
                    case "none", "None" -> new Node.Literal(null);
                    default -> peekIs("(") ? new Node.Call(token.text(), arguments()) : new Node.Name(token.text());
                };
            }
            case OPERATOR -> {
                return switch (token.text()) {
                    case "(" -> {
                        enter();
                        Node inner = conditional();
                        expect(")");
                        depth--;
                        yield inner;
                    }
                    case "[" -> new Node.ListOf(items("]"));
                    case "{" -> dict();
                    default -> throw new TemplateException("unexpected '" + token.text() + "'");
                };
            }
            default -> throw new TemplateException("the expression ends too early");
        }
    }

    private Node dict() throws TemplateException {
        enter();
        List<Node> keys = new ArrayList<>();
        List<Node> values = new ArrayList<>();
        while (operator("}") == null) {
            keys.add(conditional());
            expect(":");
            values.add(conditional());
            if (operator(",") == null) {
                expect("}");
                break;
            }
        }
        depth--;
        return new Node.DictOf(keys, values);
    }

    private List<Node> arguments() throws TemplateException {
        expect("(");
        return items(")");
    }

    private List<Node> items(String close) throws TemplateException {
        enter();
        List<Node> items = new ArrayList<>();
        while (operator(close) == null) {
            if (peek().kind() == Kind.NAME && tokens.get(at + 1).text().equals("=")) {
                at += 2; // a keyword argument: its value counts by position, as the filters here take them
            }
            items.add(conditional());
            if (operator(",") == null) {
                expect(close);
                break;
            }
        }
        depth--;
        return items;
    }

    private boolean startsValue() {
        Token token = peek();
        return token.kind() == Kind.NUMBER || token.kind() == Kind.STRING
                || token.kind() == Kind.NAME && List.of("none", "None", "true", "True", "false", "False")
                .contains(token.text());
    }

    private void enter() throws TemplateException {
        if (++depth > MAX_DEPTH) {
            throw new TemplateException("nested more than " + MAX_DEPTH + " levels deep");
        }
    }

    private Token peek() {
        return tokens.get(at);
    }

    private Token next() {
        Token token = tokens.get(at);
        if (token.kind() != Kind.END) {
            at++;
        }
        return token;
    }

    private boolean peekIs(String operator) {
        return peek().kind() == Kind.OPERATOR && peek().text().equals(operator);
    }

    private String operator(String... operators) {
        if (peek().kind() == Kind.OPERATOR) {
            for (String operator : operators) {
                if (peek().text().equals(operator)) {
                    at++;
                    return operator;
                }
            }
        }
        return null;
    }

    private boolean word(String word) {
        if (peek().kind() == Kind.NAME && peek().text().equals(word)) {
            at++;
            return true;
        }
        return false;
    }

    private String name(String what) throws TemplateException {
        Token token = next();
        if (token.kind() != Kind.NAME) {
            throw new TemplateException("expected " + what);
        }
        return token.text();
    }

    private void expect(String operator) throws TemplateException {
        if (operator(operator) == null) {
            throw new TemplateException("expected '" + operator + "' but found '" + peek().text() + "'");
        }
    }
}
