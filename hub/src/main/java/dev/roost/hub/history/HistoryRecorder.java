package dev.roost.hub.history;

import dev.roost.hub.history.HistoryStore.Reading;
import dev.roost.hub.history.SeriesRegistry.Series;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Records the numbers of state topics under the base topic as they are published: the broker hands each message
 * to {@link #offer}, which only queues it; the recorder's own thread parses the payloads and stores the readings
 * in batches, and runs the upkeep once a minute. A full queue drops messages (counted and logged) rather than
 * hold up the broker.
 *
 * <p>Threading: {@link #offer} runs on the broker loop and never blocks; everything else on the recorder's thread.
 */
final class HistoryRecorder implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HistoryRecorder.class);
    /** Messages waiting for the store; with payloads of at most {@link #MAX_PAYLOAD}, at most 1 MiB of heap. */
    static final int QUEUE = 1_024;
    /** Larger payloads are not a sensor's state. */
    static final int MAX_PAYLOAD = 1_024;
    private static final int MAX_BATCH = 500;
    /** How long a reading may wait to be written with others; one write per batch spares the SD card. */
    private static final Duration FLUSH_AFTER = Duration.ofSeconds(2);
    private static final Duration UPKEEP_EVERY = Duration.ofMinutes(1);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration STOP_WAIT = Duration.ofSeconds(5);
    /** Last topic levels that are commands or presence, not state. */
    private static final Set<String> NOT_STATE = Set.of("set", "availability", "error");

    private record Arrival(String topic, byte[] payload, long second) {
    }

    private final String prefix;
    private final HistoryStore store;
    private final SeriesRegistry registry;
    private final HistoryUpkeep upkeep;
    private final Clock clock;
    private final BlockingQueue<Arrival> queue = new ArrayBlockingQueue<>(QUEUE);
    private final AtomicLong dropped = new AtomicLong();
    private final Thread thread;
    private volatile boolean stopping;
    private boolean fullWarned;

    HistoryRecorder(String baseTopic, HistoryStore store, SeriesRegistry registry, HistoryUpkeep upkeep,
                    Clock clock) {
        this.prefix = baseTopic + "/";
        this.store = store;
        this.registry = registry;
        this.upkeep = upkeep;
        this.clock = clock;
        this.thread = new Thread(this::work, "roost-history");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Queues a published message if it may be state; called on the broker loop. */
    void offer(String topic, byte[] payload, boolean retained) {
        // A retained message replayed to the new subscription is an old value, already recorded when published.
        if (retained || payload.length == 0 || payload.length > MAX_PAYLOAD || !topic.startsWith(prefix)
                || NOT_STATE.contains(topic.substring(topic.lastIndexOf('/') + 1))) {
            return;
        }
        if (!queue.offer(new Arrival(topic, payload, clock.millis() / 1000))) {
            long count = dropped.incrementAndGet();
            if (count == 1 || count % 1_000 == 0) {
                log.atWarn().addKeyValue("dropped", count).log("history cannot keep up; readings dropped");
            }
        }
    }

    /** Messages dropped because the queue was full. */
    long dropped() {
        return dropped.get();
    }

    private void work() {
        List<Arrival> pending = new ArrayList<>();
        long flushAt = Long.MAX_VALUE;
        long upkeepAt = System.nanoTime() + UPKEEP_EVERY.toNanos();
        while (!stopping) {
            Arrival next = poll();
            if (next != null) {
                if (pending.isEmpty()) {
                    flushAt = System.nanoTime() + FLUSH_AFTER.toNanos();
                }
                pending.add(next);
                queue.drainTo(pending, MAX_BATCH - pending.size());
            }
            long now = System.nanoTime();
            if (pending.size() >= MAX_BATCH || now - flushAt >= 0 || now - upkeepAt >= 0) {
                flush(pending);
                flushAt = Long.MAX_VALUE;
            }
            if (now - upkeepAt >= 0) {
                upkeepAt = now + UPKEEP_EVERY.toNanos();
                runUpkeep();
            }
        }
        queue.drainTo(pending);
        flush(pending);
    }

    private Arrival poll() {
        try {
            return queue.poll(POLL.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            // Never interrupted by the hub (an interrupt would close H2's file); stop as if asked to.
            stopping = true;
            return null;
        }
    }

    private void flush(List<Arrival> pending) {
        if (pending.isEmpty()) {
            return;
        }
        List<Reading> readings = new ArrayList<>();
        List<Series> owners = new ArrayList<>();
        try {
            for (Arrival arrival : pending) {
                for (Map.Entry<String, Double> field : NumericFields.of(arrival.payload()).entrySet()) {
                    series(arrival.topic(), field.getKey()).ifPresent(series -> {
                        readings.add(new Reading(series.id(), arrival.second(), field.getValue()));
                        owners.add(series);
                    });
                }
            }
            store.append(readings);
            for (int i = 0; i < readings.size(); i++) {
                registry.recordLast(owners.get(i), readings.get(i).second(), readings.get(i).value());
            }
        } catch (RuntimeException e) {
            log.atWarn().setCause(e).addKeyValue("messages", pending.size()).log("could not store history");
        } finally {
            pending.clear();
        }
    }

    /** The series of a topic's field, added when new and there is room for it. */
    private Optional<Series> series(String topic, String field) {
        Optional<Series> known = registry.find(topic, field);
        if (known.isPresent()) {
            return known;
        }
        if (registry.full()) {
            if (!fullWarned) {
                fullWarned = true;
                log.atWarn().addKeyValue("topic", topic).addKeyValue("field", field)
                        .log("history keeps no more series; raise history.maxSeries to record this one");
            }
            return Optional.empty();
        }
        Series added = store.addSeries(topic, field);
        registry.put(added);
        return Optional.of(added);
    }

    private void runUpkeep() {
        try {
            upkeep.run(clock.millis() / 1000);
        } catch (RuntimeException e) {
            log.atWarn().setCause(e).log("history upkeep failed; it is tried again in a minute");
        }
    }

    /** Stores what is queued and stops the thread. */
    @Override
    public void close() throws InterruptedException {
        stopping = true;
        thread.join(STOP_WAIT.toMillis());
    }
}
