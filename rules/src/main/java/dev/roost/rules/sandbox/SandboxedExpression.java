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
 * no recursion, no method that multiplies its input) and the limits on length and text joins, so an
 * evaluation's work is at most linear in its text times its largest input; the timeout catches the case where
 * inputs are huge, and its result is discarded.
 *
 * <p>The wall clock alone would also fail evaluations that were merely paused: by the OS on a busy machine, by
 * a GC, or by MVEL compiling its accessors on first use (about 20 ms in a cold JVM here, several times that on
 * a Raspberry Pi). An evaluation over the limit by the wall clock is therefore run once more under the
 * thread's CPU clock, which is safe because evaluations have no side effects, and fails only if that run is
 * over the limit too. The CPU clock costs far more to read than the wall clock, so only this rare case pays.
 *
 * <p>Thread-safe: MVEL's compiled expressions may be shared.
 */
final class SandboxedExpression implements Expression {

    private final String source;
    private final String mvel;
    private final Serializable compiled;
    private final long timeoutNanos;
    private final EvaluationClock clock;

    SandboxedExpression(String source, String mvel, Serializable compiled, long timeoutNanos, EvaluationClock clock) {
        this.source = source;
        this.mvel = mvel;
        this.compiled = compiled;
        this.timeoutNanos = timeoutNanos;
        this.clock = clock;
    }

    @Override
    public Object evaluate(Bindings bindings) throws EvaluationFailed {
        long start = clock.wallNanos();
        Object result = run(bindings);
        if (clock.wallNanos() - start > timeoutNanos) {
            result = runOnCpuClock(bindings);
        }
        return checked(result);
    }

    private Object runOnCpuClock(Bindings bindings) throws EvaluationFailed {
        long start = clock.threadCpuNanos();
        Object result = run(bindings);
        long took = clock.threadCpuNanos() - start;
        if (took > timeoutNanos) {
            throw new EvaluationFailed("'" + source + "' took " + took / 1_000_000 + " ms of CPU time, over the "
                    + "limit of " + timeoutNanos / 1_000_000 + " ms");
        }
        return result;
    }

    private Object run(Bindings bindings) throws EvaluationFailed {
        try {
            return MVEL.executeExpression(compiled, new BindingsVariables(bindings));
        } catch (RuntimeException | StackOverflowError failure) {
            throw new EvaluationFailed("'" + source + "' failed: " + reason(failure), failure);
        }
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
