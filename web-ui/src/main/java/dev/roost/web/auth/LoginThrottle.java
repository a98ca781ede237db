package dev.roost.web.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing per source address: after {@link #FREE_FAILURES} wrong passwords each further one
 * doubles the wait before the next attempt, up to {@link #MAX_WAIT}. A success clears the count.
 *
 * <p>Thread-safe.
 */
public final class LoginThrottle {

    static final int FREE_FAILURES = 3;
    static final Duration MAX_WAIT = Duration.ofMinutes(5);
    /** Bounds memory against a flood from many addresses; the oldest records are forgotten first. */
    static final int MAX_SOURCES = 10_000;

    private final Map<String, Failures> bySource = new ConcurrentHashMap<>();
    private final Clock clock;

    public LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    private record Failures(int count, Instant blockedUntil) {
    }

    /** How long {@code source} must wait before its next attempt; zero when it may try now. */
    public Duration waitFor(String source) {
        Failures failures = bySource.get(source);
        if (failures == null) {
            return Duration.ZERO;
        }
        Duration wait = Duration.between(clock.instant(), failures.blockedUntil());
        return wait.isNegative() ? Duration.ZERO : wait;
    }

    public void failed(String source) {
        if (bySource.size() >= MAX_SOURCES && !bySource.containsKey(source)) {
            Instant now = clock.instant();
            bySource.values().removeIf(f -> f.blockedUntil().isBefore(now));
            if (bySource.size() >= MAX_SOURCES) {
                bySource.clear();
            }
        }
        bySource.compute(source, (key, old) -> {
            int count = old == null ? 1 : old.count() + 1;
            return new Failures(count, clock.instant().plus(delayAfter(count)));
        });
    }

    public void succeeded(String source) {
        bySource.remove(source);
    }

    static Duration delayAfter(int failures) {
        if (failures <= FREE_FAILURES) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - FREE_FAILURES - 1, 20);
        Duration wait = Duration.ofSeconds(1L << doublings);
        return wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait;
    }
}
