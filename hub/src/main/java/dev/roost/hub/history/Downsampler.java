package dev.roost.hub.history;

import dev.roost.web.history.HistoryPoint;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Groups rows, which must come oldest first, into buckets of equal width aligned to the epoch, so a chart
 * refreshed a minute later shows the same buckets: a bucket with one reading becomes that reading at its own
 * time, one with more their mean at the bucket's start, with their lowest and highest.
 *
 * <p>Not thread-safe: one per query.
 */
final class Downsampler implements HistoryStore.Rows {

    private final long width;
    private final List<HistoryPoint> points = new ArrayList<>();
    private boolean grouped;
    private long start = Long.MIN_VALUE;
    private long firstSecond;
    private double sum;
    private double low;
    private double high;
    private long samples;

    /** @param width the buckets' width in seconds, at least 1 */
    Downsampler(long width) {
        this.width = width;
    }

    @Override
    public void row(long second, double mean, double rowLow, double rowHigh, int rowSamples) {
        long bucket = Math.floorDiv(second, width) * width;
        if (bucket != start) {
            emit();
            start = bucket;
            firstSecond = second;
            sum = 0;
            low = rowLow;
            high = rowHigh;
            samples = 0;
        }
        sum += mean * rowSamples;
        samples += rowSamples;
        low = Math.min(low, rowLow);
        high = Math.max(high, rowHigh);
    }

    /** The points, the last bucket included. */
    List<HistoryPoint> points() {
        emit();
        start = Long.MIN_VALUE;
        return points;
    }

    long width() {
        return width;
    }

    /** Whether any point stands for more than one reading. */
    boolean grouped() {
        return grouped;
    }

    private void emit() {
        if (samples == 0) {
            return;
        }
        if (samples == 1 && low == high) {
            points.add(HistoryPoint.reading(Instant.ofEpochSecond(firstSecond), sum));
        } else {
            grouped = true;
            points.add(new HistoryPoint(Instant.ofEpochSecond(start), sum / samples, low, high));
        }
        samples = 0;
    }
}
