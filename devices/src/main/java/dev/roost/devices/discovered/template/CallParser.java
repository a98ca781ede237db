package dev.roost.devices.discovered.template;

import dev.roost.devices.discovered.template.Expr.Step;
import dev.roost.devices.discovered.template.Token.Kind;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The calls of an expression: functions, methods, filters and tests, each resolved by name and its arguments
 * bound to its signature while compiling, so a name outside the supported few is refused before anything runs.
 */
final class CallParser {

    private static final Set<String> NOT_A_TEST_ARGUMENT = Set.of("else", "or", "and", "if", "in", "not", "is");

    private final TokenStream in;
    private final ExpressionParser expressions;

    CallParser(TokenStream in, ExpressionParser expressions) {
        this.in = in;
        this.expressions = expressions;
    }

    Expr parseCall(Token name) throws TemplateException {
        Signature signature = Functions.SIGNATURES.get(name.text());
        if (signature == null) {
            throw in.error(name, "function '" + name.text() + "' is not supported");
        }
        return new Expr.Call(name.text(), parseArguments("function '" + name.text() + "'", signature, in.next()));
    }

    Step parseMethod(Token name) throws TemplateException {
        Signature signature = Methods.SIGNATURES.get(name.text());
        if (signature == null) {
            throw in.error(name, "method '" + name.text() + "' is not supported");
        }
        return new Step.Method(name.text(), parseArguments("method '" + name.text() + "'", signature, in.next()));
    }

    Expr parseFilters(Expr node) throws TemplateException {
        List<Step> steps = new ArrayList<>();
        while (true) {
            Token t = in.peek();
            if (t.isOperator("|")) {
                in.next();
                Token name = in.expect(Kind.NAME, "a filter name");
                Signature signature = Filters.SIGNATURES.get(name.text());
                if (signature == null) {
                    throw in.error(name, "filter '" + name.text() + "' is not supported");
                }
                List<Expr> arguments = in.peek().isOperator("(")
                        ? parseArguments("filter '" + name.text() + "'", signature, in.next())
                        : signature.bind("filter '" + name.text() + "'", List.of(), Map.of(), name);
                steps.add(new Step.Filter(name.text(), arguments));
            } else if (t.isName("is")) {
                in.next();
                steps.add(parseTest());
            } else if (t.isOperator("(")) {
                throw in.error(t, "the result of a filter or test cannot be called");
            } else {
                return ExpressionParser.postfix(node, steps);
            }
        }
    }

    private Step parseTest() throws TemplateException {
        boolean negated = in.skipName("not");
        Token name = in.expect(Kind.NAME, "a test name");
        Signature signature = Tests.SIGNATURES.get(name.text());
        if (signature == null) {
            throw in.error(name, "test '" + name.text() + "' is not supported");
        }
        String what = "test '" + name.text() + "'";
        Token t = in.peek();
        List<Expr> arguments;
        if (t.isOperator("(")) {
            arguments = parseArguments(what, signature, in.next());
        } else if (ExpressionParser.startsExpression(t) && !(t.kind() == Kind.NAME && NOT_A_TEST_ARGUMENT.contains(t.text()))
                && !t.isOperator("-") && !t.isOperator("+")) {
            // Jinja's single argument without parentheses: x is eq 'ON', x is in ['a', 'b'].
            in.enter(t);
            Expr argument = expressions.parsePostfix(expressions.parsePrimary());
            in.leave();
            arguments = signature.bind(what, List.of(argument), Map.of(), name);
        } else {
            arguments = signature.bind(what, List.of(), Map.of(), name);
        }
        return new Step.Test(name.text(), negated, arguments);
    }

    /** {@code (a, b, name=c)} after the '(' token {@code open}, bound to {@code signature}. */
    private List<Expr> parseArguments(String what, Signature signature, Token open) throws TemplateException {
        in.enter(open);
        List<Expr> positional = new ArrayList<>();
        Map<String, Expr> named = new LinkedHashMap<>();
        while (!in.peek().isOperator(")")) {
            Token t = in.peek();
            if (t.isOperator("*") || t.isOperator("**")) {
                throw in.error(t, "*args and **kwargs are not supported");
            }
            if (t.kind() == Kind.NAME && in.peekAfter().isOperator("=")) {
                in.next();
                in.next();
                if (named.put(t.text(), expressions.parseExpression()) != null) {
                    throw in.error(t, what + " got argument '" + t.text() + "' twice");
                }
            } else {
                if (!named.isEmpty()) {
                    throw in.error(t, "a positional argument cannot follow a named one");
                }
                positional.add(expressions.parseExpression());
            }
            if (!in.skipOperator(",")) {
                break;
            }
        }
        in.expectOperator(")");
        in.leave();
        return signature.bind(what, positional, named, open);
    }
}
