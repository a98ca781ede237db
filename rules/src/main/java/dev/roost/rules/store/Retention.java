package dev.roost.rules.store;

import java.time.Duration;

/** How much run history to keep: at most {@code runsPerRule} runs of each rule, none older than {@code maxAge}. */
public record Retention(int runsPerRule, Duration maxAge) {

    public Retention {
        if (runsPerRule < 1) {
            throw new IllegalArgumentException("runsPerRule must be at least 1, was " + runsPerRule);
        }
        if (maxAge == null || maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("maxAge must be a positive duration, was " + maxAge);
        }
    }

    /** 200 runs per rule, for 30 days. */
    public static Retention defaults() {
        return new Retention(200, Duration.ofDays(30));
    }
}
