package dev.roost.rules.store;

import dev.roost.rules.engine.RunRecord;
import dev.roost.rules.engine.RunRecorder;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes runs to the history on a thread of its own, so the engine's thread never waits for the database
 * between a sensor's message and the action it causes. When the database falls behind by {@code capacity}
 * runs, further runs are dropped and counted, never the engine slowed down.
 *
 * <p>Thread-safe: {@link #record} may be called from any thread.
 */
public final class BackgroundRunRecorder implements RunRecorder, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BackgroundRunRecorder.class);

    private final RunRecorder target;
    private final BlockingQueue<RunRecord> queue;
    private final AtomicLong dropped = new AtomicLong();
    private final Thread writer;
    private volatile boolean closing;

    public BackgroundRunRecorder(RunRecorder target, int capacity) {
        this.target = target;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.writer = new Thread(this::writeUntilClosed, "rules-history");
        writer.setDaemon(true);
        writer.start();
    }

    @Override
    public void record(RunRecord run) {
        if (!queue.offer(run) && dropped.incrementAndGet() == 1) {
            log.atWarn().addKeyValue("rule", run.ruleId()).addKeyValue("capacity", queue.remainingCapacity())
                    .log("run history falls behind; runs are dropped until it catches up");
        }
    }

    /** How many runs were dropped because the history fell behind. */
    public long dropped() {
        return dropped.get();
    }

    /** Writes what is queued, waiting at most {@code timeout}, and stops the writer. */
    public void close(Duration timeout) throws InterruptedException {
        closing = true;
        writer.join(timeout.toMillis());
    }

    @Override
    public void close() throws InterruptedException {
        close(Duration.ofSeconds(5));
    }

    private void writeUntilClosed() {
        try {
            while (!closing || !queue.isEmpty()) {
                RunRecord run = queue.poll(100, TimeUnit.MILLISECONDS);
                if (run != null) {
                    write(run);
                }
            }
        } catch (InterruptedException stop) {
            Thread.currentThread().interrupt();
        }
    }

    private void write(RunRecord run) {
        try {
            target.record(run);
        } catch (RuntimeException storeFailed) {
            log.atError().addKeyValue("rule", run.ruleId()).addKeyValue("outcome", run.outcome())
                    .setCause(storeFailed).log("could not record a run in the history");
        }
    }
}
