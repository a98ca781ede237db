package dev.roost.rules.sandbox;

import org.mvel2.MVEL;

import java.io.Serializable;
import java.time.DayOfWeek;
import java.time.Month;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

/**
 * A compiled condition: canonical MVEL run against {@link BindingsVariables}, timed, with its result checked.
 *
 * <p>Evaluation runs on the caller's thread: handing every message to another thread would cost more than the
 * evaluation itself, and the JVM cannot safely stop a thread anyway. What bounds it is the grammar (no loops,
 * no recursion, no method that multiplies its input) and the source length, so an evaluation's work is at most
 * linear in its text times its largest input; the timeout then catches the case where inputs are huge, and
 * its result is discarded.
 *
 * <p>An evaluation that starts before any evaluation of this expression has completed is not held to the
 * timeout: MVEL builds its accessors by reflection on first use, which in a cold JVM takes about 20 ms here and
 * several times that on a Raspberry Pi, and a heating rule must not fail once after every restart for it.
 *
 * <p>Thread-safe: MVEL's compiled expressions may be shared; {@code warm} is a one-way volatile flag.
 */
final class SandboxedExpression implements Expression {

    private final String source;
    private final String mvel;
    private final Serializable compiled;
    private final long timeoutNanos;
    private volatile boolean warm;

    SandboxedExpression(String source, String mvel, Serializable compiled, long timeoutNanos) {
        this.source = source;
        this.mvel = mvel;
        this.compiled = compiled;
        this.timeoutNanos = timeoutNanos;
    }

    @Override
    public Object evaluate(Bindings bindings) throws EvaluationFailed {
        boolean timed = warm;
        long start = System.nanoTime();
        Object result;
        try {
            result = MVEL.executeExpression(compiled, new BindingsVariables(bindings));
        } catch (RuntimeException | StackOverflowError failure) {
            throw new EvaluationFailed("'" + source + "' failed: " + reason(failure), failure);
        }
        long took = System.nanoTime() - start;
        if (timed && took > timeoutNanos) {
            throw new EvaluationFailed("'" + source + "' took " + took / 1_000_000 + " ms, over the limit of "
                    + timeoutNanos / 1_000_000 + " ms");
        }
        warm = true;
        return checked(result);
    }

    @Override
    public boolean test(Bindings bindings) throws EvaluationFailed {
        Object result = evaluate(bindings);
        if (result instanceof Boolean condition) {
            return condition;
        }
        throw new EvaluationFailed("'" + source + "' gave " + describe(result) + ", not true or false");
    }

    @Override
    public String source() {
        return source;
    }

    /** The MVEL that was compiled for this expression, for tests and diagnostics. */
    String mvel() {
        return mvel;
    }

    /**
     * The runtime guard: whatever MVEL returns must be one of the value types bindings are made of, so even a
     * gap in the allow-lists cannot hand a Class, a thread or a stream back to the engine or a template.
     */
    private Object checked(Object result) throws EvaluationFailed {
        if (result == null || result instanceof String || result instanceof Number || result instanceof Boolean
                || result instanceof Character || result instanceof Map || result instanceof List
                || result instanceof ZonedDateTime || result instanceof DayOfWeek
                || result instanceof Month) {
            return result;
        }
        throw new EvaluationFailed("'" + source + "' gave a " + result.getClass().getName()
                + ", which a rule expression may not produce");
    }

    private static String describe(Object result) {
        return result == null ? "null" : "'" + result + "' (" + result.getClass().getSimpleName() + ")";
    }

    /**
     * Our own field-read message if that is what failed (MVEL wraps it in reflection exceptions), else the first
     * line of MVEL's message, which goes on to repeat the expression with a caret.
     */
    private static String reason(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof FieldReader.FieldReadFailed readFailed) {
                return readFailed.getMessage();
            }
        }
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).strip();
    }
}
