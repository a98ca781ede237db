package dev.roost.rules.sandbox;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits template text into literal text and {@code @{...}} expressions, each compiled through the sandbox with
 * positions in the template's own lines and columns. Only {@code @{} starts an expression; MVEL's template tags
 * ({@code @foreach{}, {@code @include{}, {@code @code{}...) are refused because they loop, read files or run
 * statements, and any other {@code @} is plain text (an e-mail address in a payload stays as it is).
 * Not thread-safe: one parser per template.
 */
final class TemplateParser {

    private final ExpressionCompiler compiler;
    private final ExpressionLimits limits;
    /** Text joins so far: one per {@code @{...}} part plus the {@code +} joins inside the parts. */
    private int concatenations;

    TemplateParser(ExpressionCompiler compiler, ExpressionLimits limits) {
        this.compiler = compiler;
        this.limits = limits;
    }

    Template parse(String text) throws ExpressionRejected {
        List<CompiledTemplate.Part> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int pos = 0;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '@' && text.startsWith("@{", pos)) {
                if (!literal.isEmpty()) {
                    parts.add(new CompiledTemplate.Text(literal.toString()));
                    literal.setLength(0);
                }
                pos = expression(text, pos, parts);
            } else {
                if (c == '@') {
                    refuseTag(text, pos);
                }
                literal.append(c);
                pos++;
            }
        }
        if (!literal.isEmpty()) {
            parts.add(new CompiledTemplate.Text(literal.toString()));
        }
        return new CompiledTemplate(text, parts);
    }

    /** Compiles the expression of the {@code @{} at {@code at} into {@code parts}; returns the offset after its '}'. */
    private int expression(String text, int at, List<CompiledTemplate.Part> parts) throws ExpressionRejected {
        int start = at + 2;
        SourcePoint startsAt = pointAt(text, start);
        if (++concatenations > limits.maxConcatenations()) {
            throw ExpressionRejected.syntax(pointAt(text, at), "concatenation", "more than "
                    + limits.maxConcatenations() + " @{...} parts and text joins; each can copy a whole payload");
        }
        Parser parser = new Parser(new Lexer(text, start, startsAt), limits, concatenations);
        if (parser.current().kind() == Token.Kind.END) {
            throw ExpressionRejected.syntax(pointAt(text, at), "template", "'@{' is not closed with '}'");
        }
        SyntaxNode parsed;
        try {
            parsed = parser.parseAll("}");
        } catch (ExpressionRejected rejected) {
            if (parser.current().kind() == Token.Kind.END) {
                throw ExpressionRejected.syntax(pointAt(text, at), "template", "'@{' is not closed with '}'");
            }
            throw rejected;
        }
        concatenations = parser.concatenations();
        int close = parser.current().end();
        parts.add(new CompiledTemplate.Value(compiler.toMvel(text.substring(start, close - 1), parsed, startsAt)));
        return close;
    }

    /** {@code @name{} is an MVEL template tag; refusing it is clearer than printing it as text. */
    private static void refuseTag(String text, int at) throws ExpressionRejected {
        int end = at + 1;
        while (end < text.length() && Character.isLetter(text.charAt(end))) {
            end++;
        }
        if (end > at + 1 && end < text.length() && text.charAt(end) == '{') {
            throw ExpressionRejected.notAllowed(pointAt(text, at), "template tag " + text.substring(at, end));
        }
    }

    private static SourcePoint pointAt(String text, int offset) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new SourcePoint(line, column);
    }
}
