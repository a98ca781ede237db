package dev.roost.hub.history;

import dev.roost.hub.history.SeriesRegistry.Series;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;

/**
 * Keeps the history small: rolls finished five-minute spans of readings up into buckets, deletes readings once
 * they are older than {@link #RAW_KEPT} and buckets once they are older than the retention, and forgets series
 * with nothing left.
 *
 * <p>Threading: {@link #run} is called by the recorder's thread only, after it has stored every reading it
 * had, so no reading still to come belongs to a span already rolled up. {@link #rolledUntil} is read by queries.
 */
final class HistoryUpkeep {

    private static final Logger log = LoggerFactory.getLogger(HistoryUpkeep.class);
    /** A day and an hour: a chart of the last 24 hours always finds every reading. */
    static final Duration RAW_KEPT = Duration.ofHours(25);
    /** Readings may still be on their way to the store this long after they arrived. */
    private static final long SETTLE_SECONDS = 5;

    private final HistoryStore store;
    private final SeriesRegistry registry;
    private final Duration retention;
    /** Buckets before this second (a bucket boundary) are complete; readings from it on are not rolled up yet. */
    private volatile long rolledUntil;

    HistoryUpkeep(HistoryStore store, SeriesRegistry registry, Duration retention, long nowSecond) {
        this.store = store;
        this.registry = registry;
        this.retention = retention;
        this.rolledUntil = resumeFrom(store, registry.all(), nowSecond);
    }

    /**
     * Where the last run's upkeep stopped: it rolls every series up to the same second, so every reading before
     * the end of the newest bucket is in a bucket. Without buckets, from the oldest reading.
     */
    private static long resumeFrom(HistoryStore store, List<Series> series, long nowSecond) {
        OptionalLong newest = store.newestBucket(series);
        if (newest.isPresent()) {
            return newest.getAsLong() + HistoryStore.BUCKET_SECONDS;
        }
        return floorToBucket(Math.min(store.oldestReading(series).orElse(nowSecond), nowSecond));
    }

    long rolledUntil() {
        return rolledUntil;
    }

    /** Rolls up, purges and forgets what is due at {@code nowSecond}. */
    void run(long nowSecond) {
        List<Series> series = registry.all();
        long settled = floorToBucket(nowSecond - SETTLE_SECONDS);
        if (settled > rolledUntil) {
            store.rollUp(series, rolledUntil, settled);
            rolledUntil = settled;
        }
        long rawBefore = Math.min(nowSecond - RAW_KEPT.toSeconds(), rolledUntil);
        store.purge(series, rawBefore, nowSecond - retention.toSeconds());
        for (Series one : series) {
            if (one.lastSecond() < nowSecond - retention.toSeconds() && store.removeIfEmpty(one)) {
                registry.remove(one);
                log.atInfo().addKeyValue("topic", one.topic()).addKeyValue("field", one.field())
                        .log("history of a topic expired");
            }
        }
    }

    static long floorToBucket(long second) {
        return Math.floorDiv(second, HistoryStore.BUCKET_SECONDS) * HistoryStore.BUCKET_SECONDS;
    }
}
