package dev.roost.rules.sandbox;

import java.util.List;

/** A template as alternating literal strings and sandboxed expressions. Immutable and thread-safe. */
final class CompiledTemplate implements Template {

    private final String source;
    /** Each part is a literal {@link String} or an {@link Expression} to render. */
    private final List<Object> parts;

    CompiledTemplate(String source, List<Object> parts) {
        this.source = source;
        this.parts = List.copyOf(parts);
    }

    @Override
    public String render(Bindings bindings) throws EvaluationFailed {
        StringBuilder out = new StringBuilder();
        for (Object part : parts) {
            if (part instanceof Expression expression) {
                out.append(PayloadValues.format(expression.evaluate(bindings)));
            } else {
                out.append((String) part);
            }
        }
        return out.toString();
    }

    @Override
    public String source() {
        return source;
    }
}
