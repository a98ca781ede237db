package dev.roost.rules.sandbox;

import org.mvel2.MVEL;
import org.mvel2.ParserContext;

import java.io.Serializable;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Compiles rule conditions and {@code @{...}} templates through the sandbox: our parser accepts only the allowed
 * subset and writes it out as canonical MVEL, which MVEL then compiles with an empty parser context (no imports,
 * no variables but the bindings). Thread-safe; one per engine.
 */
public final class ExpressionCompiler {

    private static final SourcePoint START = new SourcePoint(1, 1);
    /**
     * MVEL logs a failed property or method access at WARNING with a stack trace and then throws the same error,
     * which every caller of ours receives as {@link EvaluationFailed}. A rule failing on each message of a chatty
     * sensor would write a stack trace to the journal each time, so MVEL's duplicate is kept to SEVERE. The
     * reference is held so the level is not lost when java.util.logging lets an unreferenced logger go.
     */
    private static final Logger MVEL_LOG = quietMvelLog();

    private final ExpressionLimits limits;
    private final EvaluationClock clock;

    public ExpressionCompiler(ExpressionLimits limits) {
        this(limits, EvaluationClock.system());
    }

    /** With the clocks evaluations are timed by, so tests can make time pass without sleeping. */
    ExpressionCompiler(ExpressionLimits limits, EvaluationClock clock) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Compiles an {@code if} condition, or says where and why it is refused. */
    public Expression compile(String source) throws ExpressionRejected {
        checkLength(source, "expression");
        Parser parser = new Parser(new Lexer(source, 0, START), limits, 0);
        return toMvel(source, parser.parseAll(null), START);
    }

    /** Compiles text with {@code @{...}} parts, such as a publish payload, or says where and why it is refused. */
    public Template compileTemplate(String text) throws ExpressionRejected {
        checkLength(text, "template");
        return new TemplateParser(this, limits).parse(text);
    }

    /** Compiles one parsed expression's canonical MVEL; {@code at} is where its text starts, for errors. */
    SandboxedExpression toMvel(String source, SyntaxNode parsed, SourcePoint at) throws ExpressionRejected {
        ParserContext context = new ParserContext();
        Serializable compiled;
        try {
            compiled = MVEL.compileExpression(parsed.mvel(), context);
        } catch (RuntimeException | StackOverflowError mvelRefused) {
            // Our parser only writes MVEL it understands, so this is a gap between the two parsers: refuse the rule
            // rather than guess, and say what MVEL said.
            String reason = mvelRefused.getMessage() == null ? mvelRefused.getClass().getSimpleName()
                    : mvelRefused.getMessage().lines().findFirst().orElse("");
            throw ExpressionRejected.syntax(at, "expression", "MVEL cannot compile this expression: " + reason);
        }
        CompiledTreeCheck.check(compiled, at);
        for (String input : context.getInputs().keySet()) {
            if (!SandboxPolicy.BINDINGS.containsKey(input) && !input.equals(FieldReader.BINDING)) {
                throw ExpressionRejected.notAllowed(at, "name " + input);
            }
        }
        return new SandboxedExpression(source, parsed.mvel(), compiled, limits.timeout().toNanos(), clock);
    }

    private static Logger quietMvelLog() {
        Logger log = Logger.getLogger("org.mvel2");
        log.setLevel(Level.SEVERE);
        return log;
    }

    private void checkLength(String source, String what) throws ExpressionRejected {
        if (source == null) {
            throw ExpressionRejected.syntax(START, "empty " + what, "the " + what + " is missing");
        }
        if (source.length() > limits.maxSourceLength()) {
            throw ExpressionRejected.syntax(START, what + " length", "the " + what + " is " + source.length()
                    + " characters long; the limit is " + limits.maxSourceLength());
        }
    }
}
