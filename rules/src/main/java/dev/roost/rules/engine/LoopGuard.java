package dev.roost.rules.engine;

import java.time.Duration;
import java.time.Instant;

/**
 * Counts a rule's triggers in a sliding window of one second and says when there are more than the limit,
 * which in a home means the rule triggers itself (directly or through other rules), not that the house is busy.
 *
 * <p>Not thread-safe: confined to the engine's thread.
 */
final class LoopGuard {

    private static final Duration WINDOW = Duration.ofSeconds(1);

    private final int limit;
    /** The times of the last {@code limit} triggers, as a ring. */
    private final Instant[] recent;
    private int next;

    LoopGuard(int limit) {
        this.limit = limit;
        this.recent = new Instant[limit];
    }

    /** Counts a trigger at {@code now}; true when it is more than the limit within one second. */
    boolean tooMany(Instant now) {
        Instant oldest = recent[next];
        recent[next] = now;
        next = (next + 1) % limit;
        return oldest != null && Duration.between(oldest, now).compareTo(WINDOW) < 0;
    }

    int limit() {
        return limit;
    }
}
