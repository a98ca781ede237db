package dev.roost.hub.history;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The series the store knows, by topic and field, each with its id and latest reading, at most
 * {@code maxSeries} of them.
 *
 * <p>Threading: changed only by the recorder's thread; read from any thread (the web server's) through a
 * concurrent map of immutable entries.
 */
final class SeriesRegistry {

    /** One series and its latest reading. */
    record Series(int id, String topic, String field, long lastSecond, double lastValue) {

        Series withLast(long second, double value) {
            return second >= lastSecond ? new Series(id, topic, field, second, value) : this;
        }
    }

    private record Name(String topic, String field) {
    }

    private final Map<Name, Series> byName = new ConcurrentHashMap<>();
    private final int maxSeries;

    SeriesRegistry(int maxSeries) {
        this.maxSeries = maxSeries;
    }

    Optional<Series> find(String topic, String field) {
        return Optional.ofNullable(byName.get(new Name(topic, field)));
    }

    boolean full() {
        return byName.size() >= maxSeries;
    }

    void put(Series series) {
        byName.put(new Name(series.topic(), series.field()), series);
    }

    void recordLast(Series series, long second, double value) {
        byName.computeIfPresent(new Name(series.topic(), series.field()), (name, known) -> known.withLast(second, value));
    }

    void remove(Series series) {
        byName.remove(new Name(series.topic(), series.field()));
    }

    /** Every series, ordered by topic and field. */
    List<Series> all() {
        return byName.values().stream().sorted(Comparator.comparing(Series::topic).thenComparing(Series::field))
                .toList();
    }
}
