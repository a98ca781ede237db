package dev.roost.hub.history;

import dev.roost.hub.broker.local.LocalClient;
import dev.roost.hub.config.HistorySettings;
import dev.roost.web.history.HistorySource;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The history of numeric state topics as the hub runs it: one in-process client subscribed to
 * {@code <base>/#} feeds the recorder, which stores readings and keeps the store small; the web UI reads it
 * through {@link #source()}.
 */
public final class History implements AutoCloseable {

    private static final Duration SUBSCRIBE_TIMEOUT = Duration.ofSeconds(5);

    private final HistoryRecorder recorder;
    private final StoredHistory source;
    private final HistoryStore store;
    private final SeriesRegistry registry;
    private final HistoryUpkeep upkeep;

    private History(HistoryRecorder recorder, StoredHistory source, HistoryStore store, SeriesRegistry registry,
                    HistoryUpkeep upkeep) {
        this.recorder = recorder;
        this.source = source;
        this.store = store;
        this.registry = registry;
        this.upkeep = upkeep;
    }

    /**
     * Starts recording what is published under {@code baseTopic}; the caller closes {@code client}, which must
     * deliver on the broker loop (the recorder only queues there), after this.
     *
     * @throws IllegalStateException when the broker does not confirm the subscription in time
     */
    public static History start(DataSource db, LocalClient client, String baseTopic, HistorySettings settings,
                                Clock clock) {
        History history = open(db, baseTopic, settings, clock);
        history.recorder.start();
        String filter = baseTopic + "/#";
        try {
            client.subscribe(filter, 0, history.recorder::offer).get(SUBSCRIBE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            history.stopQuietly();
            throw new IllegalStateException("the history cannot subscribe to " + filter, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            history.stopQuietly();
            throw new IllegalStateException("interrupted while subscribing the history to " + filter, e);
        }
        return history;
    }

    /**
     * The store and its recorder, neither started nor fed by the broker: for tests that start the recorder and
     * offer messages themselves, or drive the store and its upkeep directly.
     */
    static History open(DataSource db, String baseTopic, HistorySettings settings, Clock clock) {
        HistoryStore store = new HistoryStore(db);
        SeriesRegistry registry = new SeriesRegistry(settings.maxSeries());
        store.loadSeries().forEach(registry::put);
        HistoryUpkeep upkeep = new HistoryUpkeep(store, registry, Duration.ofDays(settings.retentionDays()),
                clock.millis() / 1000);
        HistoryRecorder recorder = new HistoryRecorder(baseTopic, store, registry, upkeep, clock);
        return new History(recorder, new StoredHistory(store, registry, upkeep, clock), store, registry, upkeep);
    }

    public HistorySource source() {
        return source;
    }

    /** Messages not recorded because the recorder could not keep up. */
    public long dropped() {
        return recorder.dropped();
    }

    HistoryRecorder recorder() {
        return recorder;
    }

    HistoryStore store() {
        return store;
    }

    HistoryUpkeep upkeep() {
        return upkeep;
    }

    SeriesRegistry registry() {
        return registry;
    }

    private void stopQuietly() {
        try {
            close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Writes what is still queued and stops recording. */
    @Override
    public void close() throws InterruptedException {
        recorder.close();
    }
}
