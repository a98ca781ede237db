package dev.roost.hub.history;

/**
 * The row key of a reading or a bucket: the series and the second packed into one number,
 * {@code series * 10^10 + epoch second}, so one B-tree holds every series in time order (see
 * {@code V4__history.sql}). Ten digits of seconds last until the year 2286.
 */
final class SeriesKey {

    static final long STRIDE = 10_000_000_000L;

    private SeriesKey() {
    }

    static long of(int series, long epochSecond) {
        return series * STRIDE + epochSecond;
    }

    /** The first key of a series; every key of it is below {@code first(series + 1)}. */
    static long first(int series) {
        return series * STRIDE;
    }

    static long second(long key) {
        return key % STRIDE;
    }
}
