package dev.roost.hub.broker;

/**
 * Paces a warning that a lasting fault would repeat for every message or every write: it is logged at most once a
 * minute, so the fault cannot flood the log (or fill the SD card that may be its cause).
 *
 * <p>Not thread-safe: each one belongs to the thread that logs the warning.
 */
public final class OncePerMinute {

    private static final long MINUTE_MILLIS = 60_000;

    private long last;
    private boolean logged;

    /** Whether to log now: the first time, and then when a minute has passed since the last time it said so. */
    public boolean due() {
        long now = System.currentTimeMillis();
        if (logged && now - last < MINUTE_MILLIS) {
            return false;
        }
        logged = true;
        last = now;
        return true;
    }

    /** Makes the next {@link #due} say yes, as for a fault that starts anew. */
    public void reset() {
        logged = false;
    }
}
