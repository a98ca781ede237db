package dev.roost.bench;

/**
 * A log-linear histogram in the spirit of HdrHistogram: 128 linear sub-buckets per power of two, so every
 * recorded value is kept within 1% using a fixed 58 KiB, however long the run. Not thread-safe by design:
 * one event loop records, and readers look only after it has stopped.
 */
public final class LatencyHistogram {
    private static final int SUB_BUCKET_BITS = 7;
    private static final int SUB_BUCKETS = 1 << SUB_BUCKET_BITS;
    private static final int BUCKETS = SUB_BUCKETS * (Long.SIZE - SUB_BUCKET_BITS + 1);

    private final long[] counts = new long[BUCKETS];
    private long total;
    private long min = Long.MAX_VALUE;
    private long max;
    private double sum;

    public void record(long value) {
        long v = Math.max(0, value);
        counts[indexOf(v)]++;
        total++;
        sum += v;
        min = Math.min(min, v);
        max = Math.max(max, v);
    }

    public long count() {
        return total;
    }

    long min() {
        return total == 0 ? 0 : min;
    }

    public long max() {
        return max;
    }

    double mean() {
        return total == 0 ? 0 : sum / total;
    }

    /**
     * The smallest recorded value v such that at least {@code percent}% of values are at or below v, reported as
     * the top of its bucket (an upper bound, never optimistic) but never above the true maximum.
     */
    public long percentile(double percent) {
        if (total == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(percent / 100.0 * total));
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return Math.min(highestInBucket(i), max);
            }
        }
        return max;
    }

    static int indexOf(long value) {
        int magnitude = Long.SIZE - 1 - Long.numberOfLeadingZeros(value | 1);
        if (magnitude < SUB_BUCKET_BITS) {
            return (int) value;
        }
        int shift = magnitude - SUB_BUCKET_BITS;
        return (shift << SUB_BUCKET_BITS) + (int) (value >>> shift);
    }

    static long highestInBucket(int index) {
        if (index < 2 * SUB_BUCKETS) {
            return index;
        }
        int shift = index / SUB_BUCKETS - 1;
        long sub = index % SUB_BUCKETS + SUB_BUCKETS;
        return ((sub + 1) << shift) - 1;
    }
}
