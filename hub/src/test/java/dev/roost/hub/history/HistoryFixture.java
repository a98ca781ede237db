package dev.roost.hub.history;

import dev.roost.hub.config.HistorySettings;
import dev.roost.hub.storage.Database;
import dev.roost.web.history.HistoryPoints;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The history on a real H2 file in a test's folder, with a clock the test moves, fed by offering messages as the
 * broker would. Reopening on the same folder is a restart of the hub.
 */
final class HistoryFixture implements AutoCloseable {

    /** Readings stored together; the recorder stores up to 500 at once. */
    private static final int BATCH = 200;

    final MovableClock clock;
    final Database database;
    final History history;

    HistoryFixture(Path folder, MovableClock clock, HistorySettings settings) {
        this.clock = clock;
        this.database = Database.open(folder, List.of("hub"));
        this.history = History.open(database.dataSource(), "home", settings, clock);
    }

    HistoryFixture(Path folder, MovableClock clock) {
        this(folder, clock, HistorySettings.defaults());
    }

    /** Starts the recorder's thread, for tests of what it records from messages. */
    HistoryFixture recording() {
        history.recorder().start();
        return this;
    }

    /** A message as the broker hands it to the recorder, at the clock's time. */
    void publish(String topic, String payload) {
        history.recorder().offer(topic, payload.getBytes(StandardCharsets.UTF_8), false);
    }

    /** A series added as the recorder adds one for a new topic field. */
    SeriesRegistry.Series series(String topic, String field) {
        SeriesRegistry.Series series = history.store().addSeries(topic, field);
        history.registry().put(series);
        return series;
    }

    /**
     * Readings of {@code series} every {@code step} seconds from the clock's time for {@code seconds}, stored in
     * batches as the recorder stores them, the clock moving along; the upkeep runs every {@code upkeepEvery}
     * seconds, as the recorder runs it.
     */
    void feed(List<SeriesRegistry.Series> series, long seconds, long step, long upkeepEvery, Reading value) {
        List<HistoryStore.Reading> batch = new ArrayList<>();
        long start = clock.instant().getEpochSecond();
        for (long second = start; second < start + seconds; second += step) {
            for (SeriesRegistry.Series one : series) {
                batch.add(new HistoryStore.Reading(one.id(), second, value.at(one.id(), second)));
            }
            clock.advance(Duration.ofSeconds(step));
            if (batch.size() >= BATCH) {
                history.store().append(batch);
                batch.clear();
            }
            if ((second - start + step) % upkeepEvery == 0) {
                history.store().append(batch);
                batch.clear();
                history.upkeep().run(clock.instant().getEpochSecond());
                database.compact(); // as the hub's database upkeep does, once a minute
            }
        }
        history.store().append(batch);
        series.forEach(one -> history.registry().recordLast(one, clock.instant().getEpochSecond() - step,
                value.at(one.id(), clock.instant().getEpochSecond() - step)));
    }

    /** A series' reading at a second. */
    @FunctionalInterface
    interface Reading {
        double at(int series, long second);
    }

    HistoryPoints points(String topic, String field, Instant from, Instant to, int maxPoints) {
        return history.source().points(topic, field, from, to, maxPoints).orElseThrow();
    }

    /** Rows in a history table, to see what the upkeep kept. */
    long rows(String table) throws Exception {
        try (var c = database.dataSource().getConnection();
             var rows = c.createStatement().executeQuery("SELECT COUNT(*) FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Stores what the recorder holds (it writes everything when it stops) and closes the file. */
    @Override
    public void close() throws InterruptedException {
        try {
            history.close();
        } finally {
            database.close();
        }
    }
}
