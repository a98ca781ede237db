package dev.roost.rules.engine;

import java.time.Duration;
import java.time.Instant;

/**
 * Counts a rule's triggers by messages that rules published (see {@link OwnMessages}) per second and says when
 * there are more than the limit: the rule triggers itself, directly or through other rules. A busy sensor is
 * not counted. A second starts with
 * the first trigger after the previous second ended, so the guard needs two fields whatever the limit.
 *
 * <p>Not thread-safe: confined to the engine's thread.
 */
final class LoopGuard {

    private static final long WINDOW_NANOS = Duration.ofSeconds(1).toNanos();

    private final int limit;
    private Instant windowStart;
    private int count;

    LoopGuard(int limit) {
        this.limit = limit;
    }

    /** Counts a trigger at {@code now}; true when it is more than the limit within one second. */
    boolean tooMany(Instant now) {
        if (windowStart == null || Duration.between(windowStart, now).toNanos() >= WINDOW_NANOS) {
            windowStart = now;
            count = 0;
        }
        count++;
        return count > limit;
    }

    int limit() {
        return limit;
    }
}
