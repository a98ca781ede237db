package dev.roost.rules.sandbox;

import java.util.List;

/** A template as alternating literal text and sandboxed expressions. Immutable and thread-safe. */
final class CompiledTemplate implements Template {

    /** One piece of a template. */
    sealed interface Part permits Text, Value {
        void appendTo(StringBuilder out, Bindings bindings) throws EvaluationFailed;
    }

    /** Literal text, copied as it is. */
    record Text(String text) implements Part {
        @Override
        public void appendTo(StringBuilder out, Bindings bindings) {
            out.append(text);
        }
    }

    /** An {@code @{...}} expression, written as payload text by {@link PayloadValues#format}. */
    record Value(Expression expression) implements Part {
        @Override
        public void appendTo(StringBuilder out, Bindings bindings) throws EvaluationFailed {
            out.append(PayloadValues.format(expression.evaluate(bindings)));
        }
    }

    private final String source;
    private final List<Part> parts;

    CompiledTemplate(String source, List<Part> parts) {
        this.source = source;
        this.parts = List.copyOf(parts);
    }

    @Override
    public String render(Bindings bindings) throws EvaluationFailed {
        StringBuilder out = new StringBuilder();
        for (Part part : parts) {
            part.appendTo(out, bindings);
        }
        return out.toString();
    }

    @Override
    public String source() {
        return source;
    }
}
