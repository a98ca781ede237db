package dev.roost.hub.broker.sys;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Mosquitto's {@code $SYS/broker/load/...} figures: for each counter, the rate per minute averaged
 * exponentially over 1, 5 and 15 minutes, like a Unix load average.
 *
 * <p>Not thread-safe: updated on the broker loop by {@link SysPublisher}.
 */
final class LoadAverages {

    private static final int[] WINDOW_MINUTES = {1, 5, 15};

    private final Map<String, Tracked> tracked = new LinkedHashMap<>();

    private static final class Tracked {
        final LongSupplier counter;
        long last;
        final double[] perMinute = new double[WINDOW_MINUTES.length];

        Tracked(LongSupplier counter) {
            this.counter = counter;
            this.last = counter.getAsLong();
        }
    }

    /** Tracks a counter, e.g. {@code messages/received}. */
    void track(String name, LongSupplier counter) {
        tracked.put(name, new Tracked(counter));
    }

    /** Folds in the counts since the previous update, {@code elapsedSeconds} ago. */
    void update(double elapsedSeconds) {
        if (elapsedSeconds <= 0) {
            return;
        }
        for (Tracked t : tracked.values()) {
            long now = t.counter.getAsLong();
            double ratePerMinute = (now - t.last) * 60.0 / elapsedSeconds;
            t.last = now;
            for (int i = 0; i < WINDOW_MINUTES.length; i++) {
                double keep = Math.exp(-elapsedSeconds / (WINDOW_MINUTES[i] * 60.0));
                t.perMinute[i] = t.perMinute[i] * keep + ratePerMinute * (1 - keep);
            }
        }
    }

    /** {@code load/messages/received/1min} and so on, rounded to hundredths. */
    Map<String, Object> snapshot() {
        Map<String, Object> values = new LinkedHashMap<>();
        tracked.forEach((name, t) -> {
            for (int i = 0; i < WINDOW_MINUTES.length; i++) {
                values.put("load/" + name + "/" + WINDOW_MINUTES[i] + "min", Math.round(t.perMinute[i] * 100) / 100.0);
            }
        });
        return values;
    }
}
