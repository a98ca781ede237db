package dev.roost.rules.sandbox;

import java.time.Duration;

/**
 * Bounds on what a rule expression may be and how long one evaluation may take.
 *
 * @param timeout        the longest one evaluation may take; one that is over it both by the wall clock and,
 *                        run again, by its thread's CPU time fails with {@link EvaluationFailed}
 * @param maxSourceLength the longest condition or template text accepted, in characters; together with the
 *                        grammar (no loops, no recursion, no amplifying methods) it bounds the work of one evaluation
 * @param maxNesting     the deepest nesting of parentheses, calls and operators, so neither our parser nor
 *                        MVEL's can be driven into a stack overflow
 * @param maxConcatenations the most {@code +} operations that may join text in one expression, and the most
 *                        {@code @{...}} parts plus such joins in one template: each can copy a whole payload
 *                        (up to 256 KiB), so this bounds the memory one evaluation can take
 */
public record ExpressionLimits(Duration timeout, int maxSourceLength, int maxNesting, int maxConcatenations) {

    private static final int DEFAULT_CONCATENATIONS = 16;

    public ExpressionLimits {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
        if (maxSourceLength < 1) {
            throw new IllegalArgumentException("maxSourceLength must be at least 1, was " + maxSourceLength);
        }
        if (maxNesting < 1) {
            throw new IllegalArgumentException("maxNesting must be at least 1, was " + maxNesting);
        }
        if (maxConcatenations < 0) {
            throw new IllegalArgumentException("maxConcatenations must not be negative, was " + maxConcatenations);
        }
    }

    /** The first three limits as given, with the default of 16 text joins. */
    public ExpressionLimits(Duration timeout, int maxSourceLength, int maxNesting) {
        this(timeout, maxSourceLength, maxNesting, DEFAULT_CONCATENATIONS);
    }

    /** 50 ms, 2,000 characters, 32 levels, 16 text joins: far beyond any home-automation condition or payload. */
    public static ExpressionLimits defaults() {
        return new ExpressionLimits(Duration.ofMillis(50), 2_000, 32, DEFAULT_CONCATENATIONS);
    }
}
