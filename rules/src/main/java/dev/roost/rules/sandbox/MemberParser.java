package dev.roost.rules.sandbox;

import java.util.List;
import java.util.StringJoiner;

/**
 * The part of the parser that decides what a name may reach: the six bindings, the allow-listed static members,
 * map keys, list indexes and allow-listed methods. Everything that would name a class, call an unlisted method
 * or read a bean property is refused here. Not thread-safe: belongs to one {@link Parser}.
 */
final class MemberParser {

    private final Parser parser;

    MemberParser(Parser parser) {
        this.parser = parser;
    }

    /** A name where a value starts: a binding, an allowed class such as {@code Math}, or a refused construct. */
    SyntaxNode name() throws ExpressionRejected {
        Token name = parser.advance();
        String text = name.text();
        if (ForbiddenConstructs.keyword(text) != null) {
            throw ExpressionRejected.notAllowed(name.at(), ForbiddenConstructs.keyword(text));
        }
        if (text.equals("true") || text.equals("false") || text.equals("null")) {
            return SyntaxNode.atom(text, text.equals("null") ? ValueType.ANY : ValueType.BOOLEAN);
        }
        ValueType binding = SandboxPolicy.BINDINGS.get(text);
        if (binding != null) {
            return SyntaxNode.atom(text, binding);
        }
        if (SandboxPolicy.isClassName(text) && parser.current().is(".")) {
            return staticMember(name);
        }
        if (ForbiddenConstructs.isPackageRoot(text) || Character.isUpperCase(text.charAt(0))) {
            throw ExpressionRejected.notAllowed(name.at(), "class reference " + qualifiedName(text));
        }
        if (parser.current().is("(")) {
            throw ExpressionRejected.notAllowed(name.at(), "function call " + text);
        }
        if (parser.current().isName("in")) {
            throw ExpressionRejected.notAllowed(name.at(), "projection (in)");
        }
        throw ExpressionRejected.syntax(name.at(), "name " + text, "unknown name '" + text
                + "'; an expression can use topic, payload, value, state, now, rule and Math");
    }

    /** Member access, method calls and indexes after a value, left to right. */
    SyntaxNode postfix(SyntaxNode target) throws ExpressionRejected {
        SyntaxNode node = target;
        int depth = parser.depth();
        while (true) {
            Token token = parser.current();
            if (token.is(".")) {
                parser.advance();
                node = member(node);
            } else if (token.is("[")) {
                node = index(node);
            } else if (token.is("?.") || token.is(".?")) {
                throw parser.unexpected("an operator");
            } else if (token.is("(")) {
                throw ExpressionRejected.notAllowed(token.at(), "calling a value as a function");
            } else {
                parser.backTo(depth);
                return node;
            }
        }
    }

    private SyntaxNode member(SyntaxNode target) throws ExpressionRejected {
        Token name = memberName();
        if (isReflection(name.text())) {
            // Harmless as a map key, but the author meant reflection; say so rather than return null.
            throw ExpressionRejected.notAllowed(name.at(), "reflection (" + name.text() + ")");
        }
        if (parser.current().is("(")) {
            ValueType result = SandboxPolicy.method(target.type(), name.text());
            if (result == null) {
                throw ExpressionRejected.notAllowed(name.at(), methodConstruct(name.text(), target.type()));
            }
            return SyntaxNode.atom(target.operand(SyntaxNode.ATOM) + "." + name.text() + call(name), result);
        }
        if (target.type() != ValueType.ANY && target.type() != ValueType.MAP) {
            throw ExpressionRejected.notAllowed(name.at(), "property " + name.text() + " of "
                    + target.type().description());
        }
        return read(target, Literals.string(name.text()), name.at());
    }

    private SyntaxNode index(SyntaxNode target) throws ExpressionRejected {
        Token open = parser.expect("[");
        if (target.type() != ValueType.ANY && target.type() != ValueType.MAP) {
            throw ExpressionRejected.notAllowed(open.at(), "index [] on " + target.type().description());
        }
        SyntaxNode key = parser.expression();
        parser.expect("]");
        return read(target, key.mvel(), open.at());
    }

    /**
     * A field or item read. On a known map it is MVEL's own map lookup (the fast path for {@code state[...]});
     * on anything else it goes through {@link FieldReader}, so at run time it can only read a map's key or a
     * list's item and never reaches a getter. Each such call nests the chain before it one level deeper.
     */
    private SyntaxNode read(SyntaxNode target, String keyMvel, SourcePoint at) throws ExpressionRejected {
        if (target.type() == ValueType.MAP) {
            return SyntaxNode.atom(target.operand(SyntaxNode.ATOM) + "[" + keyMvel + "]", ValueType.ANY);
        }
        parser.deeper(at);
        return SyntaxNode.atom(FieldReader.BINDING + ".read(" + target.mvel() + ", " + keyMvel + ")", ValueType.ANY);
    }

    private SyntaxNode staticMember(Token className) throws ExpressionRejected {
        parser.expect(".");
        Token member = memberName();
        if (isReflection(member.text())) {
            throw ExpressionRejected.notAllowed(member.at(), "reflection (" + member.text() + ")");
        }
        if (parser.current().is("(")) {
            ValueType result = SandboxPolicy.staticMethod(className.text(), member.text());
            if (result == null) {
                throw ExpressionRejected.notAllowed(member.at(),
                        "static method " + className.text() + "." + member.text());
            }
            String args = className.text().equals("Math") ? mathArguments() : call(member);
            return SyntaxNode.atom(className.text() + "." + member.text() + args, result);
        }
        ValueType field = SandboxPolicy.staticField(className.text(), member.text());
        if (field == null) {
            throw ExpressionRejected.notAllowed(member.at(), "static field " + className.text() + "." + member.text());
        }
        return SyntaxNode.atom(className.text() + "." + member.text(), field);
    }

    /** The name after a dot; {@code .class} is refused here because it is the shortest way to a Class. */
    private Token memberName() throws ExpressionRejected {
        Token name = parser.current();
        if (name.kind() != Token.Kind.NAME) {
            throw parser.unexpected("a name after '.'");
        }
        if (name.text().equals("class")) {
            throw ExpressionRejected.notAllowed(name.at(), "class literal '.class'");
        }
        return parser.advance();
    }

    private String call(Token method) throws ExpressionRejected {
        List<SyntaxNode> args = parser.arguments();
        if (SandboxPolicy.searches(method.text()) && !args.stream().allMatch(SyntaxNode::literal)) {
            // Searching a text for another computed text costs their lengths multiplied (256 KiB x 256 KiB).
            throw ExpressionRejected.notAllowed(method.at(), "method " + method.text()
                    + " with a computed argument (search for a literal)");
        }
        StringJoiner joined = new StringJoiner(", ", "(", ")");
        args.forEach(arg -> joined.add(arg.mvel()));
        return joined.toString();
    }

    /**
     * Whole-number literals become doubles in {@code Math} calls: MVEL picks the overload from the literal, so
     * {@code Math.max(value, 3)} would choose {@code max(int, int)} and cut 17.5 down to 17.
     */
    private String mathArguments() throws ExpressionRejected {
        List<SyntaxNode> args = parser.arguments();
        StringJoiner joined = new StringJoiner(", ", "(", ")");
        for (SyntaxNode arg : args) {
            joined.add(Literals.wholeAsDouble(arg.mvel()));
        }
        return joined.toString();
    }

    private static boolean isReflection(String name) {
        return name.equals("getClass") || name.equals("forName") || name.startsWith("getDeclared")
                || name.equals("classLoader") || name.equals("declaringClass") || name.equals("getClassLoader");
    }

    private static String methodConstruct(String method, ValueType receiver) {
        boolean allowedElsewhere = SandboxPolicy.method(ValueType.ANY, method) != null
                || SandboxPolicy.method(ValueType.TIME, method) != null;
        return allowedElsewhere ? "method " + method + " on " + receiver.description() : "method " + method;
    }

    /**
     * {@code java.lang.Runtime} from the name just read and the dotted names after it, up to the first capitalised
     * one. The tokens are consumed because the compilation is about to fail on this reference anyway.
     */
    private String qualifiedName(String first) {
        StringBuilder name = new StringBuilder(first);
        boolean isClass = Character.isUpperCase(first.charAt(0));
        try {
            while (!isClass && parser.current().is(".")) {
                parser.advance();
                Token next = parser.current();
                if (next.kind() != Token.Kind.NAME) {
                    break;
                }
                parser.advance();
                name.append('.').append(next.text());
                isClass = Character.isUpperCase(next.text().charAt(0));
            }
        } catch (ExpressionRejected laterProblem) {
            // Reading ahead only makes the name more precise; the class reference is the error to report.
            return name.toString();
        }
        return name.toString();
    }
}
