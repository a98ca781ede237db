package dev.roost.devices.discovered.template;

import dev.roost.devices.discovered.template.Expr.Step;
import dev.roost.devices.discovered.template.Token.Kind;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Recursive descent over Jinja's expression grammar with Jinja's precedence (jinja2/parser.py): conditional,
 * or, and, not, comparisons and {@code in}, {@code + -}, {@code ~}, {@code * / // %}, {@code **} (left to right
 * as in Jinja), unary minus, then postfix operations; {@link CallParser} takes calls, filters and tests.
 */
final class ExpressionParser {

    private static final Set<String> COMPARISONS = Set.of("==", "!=", "<", "<=", ">", ">=");

    private final TokenStream in;
    private final CallParser calls;

    ExpressionParser(TokenStream in) {
        this.in = in;
        this.calls = new CallParser(in, this);
    }

    /** An expression, or several separated by commas as a tuple without parentheses ({@code {{ a, b }}}). */
    Expr parseTuple() throws TemplateException {
        Expr first = parseExpression();
        if (!in.peek().isOperator(",")) {
            return first;
        }
        List<Expr> items = new ArrayList<>(List.of(first));
        while (in.skipOperator(",") && startsExpression(in.peek())) {
            items.add(parseExpression());
        }
        return new Expr.TupleOf(items);
    }

    Expr parseExpression() throws TemplateException {
        Expr then = parseOr();
        while (in.peek().isName("if")) {
            Token at = in.next();
            Expr test = parseOr();
            Expr otherwise = null;
            if (in.skipName("else")) {
                in.enter(at);
                otherwise = parseExpression();
                in.leave();
            }
            then = new Expr.Conditional(test, then, otherwise);
        }
        return then;
    }

    private Expr parseOr() throws TemplateException {
        return parseLogical(false);
    }

    private Expr parseLogical(boolean and) throws TemplateException {
        Expr first = and ? parseNot() : parseLogical(true);
        if (!in.peek().isName(and ? "and" : "or")) {
            return first;
        }
        List<Expr> operands = new ArrayList<>(List.of(first));
        while (in.skipName(and ? "and" : "or")) {
            operands.add(and ? parseNot() : parseLogical(true));
        }
        return new Expr.Logical(and, operands);
    }

    private Expr parseNot() throws TemplateException {
        if (in.peek().isName("not")) {
            Token at = in.next();
            in.enter(at);
            Expr operand = parseNot();
            in.leave();
            return new Expr.Not(operand);
        }
        return parseComparison();
    }

    private Expr parseComparison() throws TemplateException {
        Expr first = parseLevel(0);
        List<String> operators = new ArrayList<>();
        List<Expr> operands = new ArrayList<>();
        while (true) {
            Token t = in.peek();
            String op;
            if (t.kind() == Kind.OPERATOR && COMPARISONS.contains(t.text())) {
                op = in.next().text();
            } else if (t.isName("in")) {
                in.next();
                op = "in";
            } else if (t.isName("not") && in.peekAfter().isName("in")) {
                in.next();
                in.next();
                op = "not in";
            } else {
                break;
            }
            operators.add(op);
            operands.add(parseLevel(0));
        }
        return operators.isEmpty() ? first : new Expr.Comparison(first, operators, operands);
    }

    // The arithmetic levels, loosest first: + -, then ~, then * / // %, then **.
    private static final List<Set<String>> LEVELS = List.of(
            Set.of("+", "-"), Set.of("~"), Set.of("*", "/", "//", "%"), Set.of("**"));

    private Expr parseLevel(int level) throws TemplateException {
        if (level == LEVELS.size()) {
            return parseUnary();
        }
        Expr first = parseLevel(level + 1);
        List<String> operators = new ArrayList<>();
        List<Expr> operands = new ArrayList<>();
        while (in.peek().kind() == Kind.OPERATOR && LEVELS.get(level).contains(in.peek().text())) {
            operators.add(in.next().text());
            operands.add(parseLevel(level + 1));
        }
        return operators.isEmpty() ? first : new Expr.Operation(first, operators, operands);
    }

    private Expr parseUnary() throws TemplateException {
        return calls.parseFilters(parseUnaryWithoutFilters());
    }

    /** Jinja's parse_unary(with_filter=False): {@code -x|abs} is {@code (-x)|abs}. */
    private Expr parseUnaryWithoutFilters() throws TemplateException {
        Token t = in.peek();
        if (t.isOperator("-") || t.isOperator("+")) {
            in.next();
            in.enter(t);
            Expr operand = parseUnaryWithoutFilters();
            in.leave();
            return parsePostfix(new Expr.Unary(t.isOperator("-"), operand));
        }
        return parsePostfix(parsePrimary());
    }

    Expr parsePrimary() throws TemplateException {
        Token t = in.next();
        switch (t.kind()) {
            case NAME:
                return switch (t.text()) {
                    case "true", "True" -> new Expr.Literal(true);
                    case "false", "False" -> new Expr.Literal(false);
                    case "none", "None" -> new Expr.Literal(null);
                    default -> in.peek().isOperator("(") ? calls.parseCall(t) : new Expr.Variable(t.text());
                };
            case STRING:
                StringBuilder text = new StringBuilder((String) t.value());
                while (in.peek().kind() == Kind.STRING) {
                    text.append((String) in.next().value()); // adjacent literals join, as in Python
                }
                return new Expr.Literal(text.toString());
            case INTEGER:
            case FLOAT:
                return new Expr.Literal(t.value());
            case OPERATOR:
                if (t.isOperator("(") || t.isOperator("[") || t.isOperator("{")) {
                    in.enter(t);
                    Expr inner = t.isOperator("(") ? parseParenthesized() : t.isOperator("[") ? parseList() : parseDict();
                    in.leave();
                    return inner;
                }
                break;
            default:
                break;
        }
        throw new TemplateException(t.position() + ": expected an expression, found " + t.describe());
    }

    private Expr parseParenthesized() throws TemplateException {
        if (in.skipOperator(")")) {
            return new Expr.TupleOf(List.of());
        }
        Expr first = parseExpression();
        if (in.skipOperator(")")) {
            return first;
        }
        List<Expr> items = new ArrayList<>(List.of(first));
        while (in.skipOperator(",") && !in.peek().isOperator(")")) {
            items.add(parseExpression());
        }
        in.expectOperator(")");
        return new Expr.TupleOf(items);
    }

    private Expr parseList() throws TemplateException {
        List<Expr> items = new ArrayList<>();
        while (!in.peek().isOperator("]")) {
            items.add(parseExpression());
            if (!in.skipOperator(",")) {
                break;
            }
        }
        in.expectOperator("]");
        return new Expr.ListOf(items);
    }

    private Expr parseDict() throws TemplateException {
        List<Expr> keys = new ArrayList<>();
        List<Expr> values = new ArrayList<>();
        while (!in.peek().isOperator("}")) {
            keys.add(parseExpression());
            in.expectOperator(":");
            values.add(parseExpression());
            if (!in.skipOperator(",")) {
                break;
            }
        }
        in.expectOperator("}");
        return new Expr.DictOf(keys, values);
    }

    /** Attributes, subscripts and method calls after a primary. */
    Expr parsePostfix(Expr node) throws TemplateException {
        List<Step> steps = new ArrayList<>();
        while (true) {
            Token t = in.peek();
            if (t.isOperator(".")) {
                in.next();
                Token name = in.next();
                if (name.kind() == Kind.INTEGER) {
                    steps.add(new Step.Index(new Expr.Literal(name.value())));
                } else if (name.kind() != Kind.NAME) {
                    throw in.error(name, "expected a name after '.', found " + name.describe());
                } else if (in.peek().isOperator("(")) {
                    steps.add(calls.parseMethod(name));
                } else {
                    steps.add(new Step.Attribute(name.text()));
                }
            } else if (t.isOperator("[")) {
                in.next();
                in.enter(t);
                steps.add(parseSubscript());
                in.leave();
            } else if (t.isOperator("(")) {
                throw in.error(t, "only the functions " + String.join(", ", Functions.SIGNATURES.keySet())
                        + " and the str and dict methods can be called");
            } else {
                return postfix(node, steps);
            }
        }
    }

    private Step parseSubscript() throws TemplateException {
        List<Expr> keys = new ArrayList<>();
        Step slice = null;
        do {
            if (in.peek().isOperator("]")) {
                break;
            }
            Expr start = in.peek().isOperator(":") ? null : parseExpression();
            if (!in.peek().isOperator(":")) {
                keys.add(start);
                continue;
            }
            in.next();
            Expr stop = startsExpression(in.peek()) ? parseExpression() : null;
            Expr step = in.skipOperator(":") && startsExpression(in.peek()) ? parseExpression() : null;
            slice = new Step.Slice(start, stop, step);
        } while (slice == null && in.skipOperator(","));
        in.expectOperator("]");
        if (slice != null) {
            if (!keys.isEmpty()) {
                throw in.error(in.peek(), "a subscript mixing slices and keys is not supported");
            }
            return slice;
        }
        if (keys.isEmpty()) {
            throw in.expected("a subscript");
        }
        return new Step.Index(keys.size() == 1 ? keys.get(0) : new Expr.TupleOf(keys));
    }

    static Expr postfix(Expr node, List<Step> steps) {
        if (steps.isEmpty()) {
            return node;
        }
        if (node instanceof Expr.Postfix p) {
            List<Step> all = new ArrayList<>(p.steps());
            all.addAll(steps);
            return new Expr.Postfix(p.base(), List.copyOf(all));
        }
        return new Expr.Postfix(node, List.copyOf(steps));
    }

    static boolean startsExpression(Token t) {
        return switch (t.kind()) {
            case NAME, STRING, INTEGER, FLOAT -> true;
            case OPERATOR -> t.isOperator("(") || t.isOperator("[") || t.isOperator("{")
                    || t.isOperator("-") || t.isOperator("+");
            default -> false;
        };
    }
}
