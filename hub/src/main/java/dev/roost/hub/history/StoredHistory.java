package dev.roost.hub.history;

import dev.roost.hub.history.SeriesRegistry.Series;
import dev.roost.web.history.HistoryPoints;
import dev.roost.web.history.HistorySeries;
import dev.roost.web.history.HistorySource;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The web UI's {@link HistorySource} on the store. A range whose buckets are narrower than five minutes is read
 * from the raw readings of the last day; anything wider, or older, from the five-minute buckets up to where they
 * are rolled up and the readings after that, so a week is some 2,000 rows of one series whatever the sensors'
 * rate.
 *
 * <p>Thread-safe: every query builds its own state.
 */
public final class StoredHistory implements HistorySource {

    private final HistoryStore store;
    private final SeriesRegistry registry;
    private final HistoryUpkeep upkeep;
    private final Clock clock;

    StoredHistory(HistoryStore store, SeriesRegistry registry, HistoryUpkeep upkeep, Clock clock) {
        this.store = store;
        this.registry = registry;
        this.upkeep = upkeep;
        this.clock = clock;
    }

    @Override
    public List<HistorySeries> series() {
        return registry.all().stream().filter(s -> s.lastSecond() != Long.MIN_VALUE).map(s ->
                new HistorySeries(s.topic(), s.field(), Instant.ofEpochSecond(s.lastSecond()), s.lastValue())).toList();
    }

    @Override
    public Optional<HistoryPoints> points(String topic, String field, Instant from, Instant to, int maxPoints) {
        Optional<Series> series = registry.find(topic, field);
        if (series.isEmpty()) {
            return Optional.empty();
        }
        int id = series.get().id();
        long first = from.getEpochSecond();
        long end = to.getEpochSecond() + 1; // exclusive
        long width = Math.max(1, ceilDiv(end - first, maxPoints));
        long rawFrom = clock.instant().getEpochSecond() - HistoryUpkeep.RAW_KEPT.toSeconds();
        Downsampler points;
        if (width < HistoryStore.BUCKET_SECONDS && first >= rawFrom) {
            points = new Downsampler(width);
            store.readRaw(id, first, end, points);
        } else {
            // Wide enough for stored buckets: a whole number of them, so none straddles two points.
            points = new Downsampler(ceilDiv(width, HistoryStore.BUCKET_SECONDS) * HistoryStore.BUCKET_SECONDS);
            long rolled = upkeep.rolledUntil();
            store.readBuckets(id, HistoryUpkeep.floorToBucket(first), Math.min(end, rolled), points);
            store.readRaw(id, Math.max(first, rolled), end, points);
        }
        return Optional.of(new HistoryPoints(points.points(), points.grouped() ? points.width() : 0));
    }

    private static long ceilDiv(long dividend, long divisor) {
        return -Math.floorDiv(-dividend, divisor);
    }
}
