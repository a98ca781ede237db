package dev.roost.hub.broker.stats;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import java.util.function.ToLongFunction;

/**
 * The broker's counters sampled once a second over the last minute, with the subscription and retained counts of
 * the same moment, so the web UI shows rates and counts without a trip to the broker loop.
 *
 * <p>Threading: sampled on the broker loop, where the subscription and retained counts live; read from any thread
 * through an immutable list that each sample replaces.
 */
public final class StatsWindow {

    /** Seconds of history kept: one sample more, so the oldest second has a start. */
    public static final int SECONDS = 60;

    /** The counters at one moment; {@code nanos} is {@link System#nanoTime()}. */
    public record Sample(long nanos, long messagesIn, long messagesOut, long bytesIn, long bytesOut,
                         int subscriptions, int retained, long retainedRefused) {
    }

    private final BrokerStats stats;
    private final IntSupplier subscriptions;
    private final IntSupplier retained;
    private final LongSupplier retainedRefused;
    private volatile List<Sample> samples = List.of();
    private ScheduledFuture<?> task;

    /** The three suppliers are read on the broker loop only. */
    public StatsWindow(BrokerStats stats, IntSupplier subscriptions, IntSupplier retained,
                       LongSupplier retainedRefused) {
        this.stats = stats;
        this.subscriptions = subscriptions;
        this.retained = retained;
        this.retainedRefused = retainedRefused;
    }

    public void start(EventLoop loop) {
        task = loop.scheduleAtFixedRate(this::sample, 0, 1, TimeUnit.SECONDS);
    }

    public void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }

    /** Oldest first, at most {@link #SECONDS} + 1; empty until the broker loop took the first sample. */
    public List<Sample> samples() {
        return samples;
    }

    private void sample() {
        Sample now = new Sample(System.nanoTime(), stats.messagesReceived.sum(), stats.messagesSent.sum(),
                stats.bytesReceived.sum(), stats.bytesSent.sum(), subscriptions.getAsInt(), retained.getAsInt(),
                retainedRefused.getAsLong());
        List<Sample> before = samples;
        List<Sample> next = new ArrayList<>(SECONDS + 1);
        next.addAll(before.subList(Math.max(0, before.size() - SECONDS), before.size()));
        next.add(now);
        samples = List.copyOf(next);
    }

    /** The average per second of one counter from the oldest to the newest sample; 0 with fewer than two. */
    public static double perSecond(List<Sample> samples, ToLongFunction<Sample> counter) {
        if (samples.size() < 2) {
            return 0;
        }
        Sample first = samples.get(0);
        Sample last = samples.get(samples.size() - 1);
        double seconds = (last.nanos() - first.nanos()) / 1e9;
        return seconds <= 0 ? 0 : (counter.applyAsLong(last) - counter.applyAsLong(first)) / seconds;
    }

    /** How much one counter grew in each second of the window, oldest first. */
    public static List<Long> eachSecond(List<Sample> samples, ToLongFunction<Sample> counter) {
        List<Long> deltas = new ArrayList<>(Math.max(0, samples.size() - 1));
        for (int i = 1; i < samples.size(); i++) {
            deltas.add(counter.applyAsLong(samples.get(i)) - counter.applyAsLong(samples.get(i - 1)));
        }
        return deltas;
    }
}
