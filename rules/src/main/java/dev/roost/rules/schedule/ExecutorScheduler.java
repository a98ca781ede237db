package dev.roost.rules.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The production {@link Scheduler}: one daemon thread and the system clock.
 *
 * <p>A Raspberry Pi has no battery clock and sets its time from the network after boot, so a task is not
 * trusted to one long timer: it wakes at least every minute and runs only once the clock says it is due.
 */
public final class ExecutorScheduler implements Scheduler, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ExecutorScheduler.class);
    private static final Duration LONGEST_SLEEP = Duration.ofMinutes(1);

    private final Clock clock;
    private final ScheduledExecutorService executor;

    public ExecutorScheduler(Clock clock, String threadName) {
        this.clock = clock;
        this.executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, threadName);
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public void execute(Runnable task) {
        executor.execute(guarded(task));
    }

    @Override
    public Cancellable schedule(Instant at, Runnable task) {
        AtomicReference<ScheduledFuture<?>> pending = new AtomicReference<>();
        AtomicBoolean cancelled = new AtomicBoolean();
        Runnable[] wake = new Runnable[1];
        wake[0] = () -> {
            if (cancelled.get()) {
                return;
            }
            if (clock.instant().isBefore(at)) {
                pending.set(executor.schedule(wake[0], sleepUntil(at), TimeUnit.MILLISECONDS));
            } else {
                guarded(task).run();
            }
        };
        pending.set(executor.schedule(wake[0], sleepUntil(at), TimeUnit.MILLISECONDS));
        return () -> {
            cancelled.set(true);
            pending.get().cancel(false);
        };
    }

    /**
     * An executor keeps a task's exception in a future nobody reads; a bug in one rule must be heard of in the
     * log, and must not stop the thread from running the next task.
     */
    private static Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException | Error bug) {
                log.atError().setCause(bug).log("a rule engine task failed");
                if (bug instanceof Error error && !(error instanceof StackOverflowError)) {
                    throw error;
                }
            }
        };
    }

    private long sleepUntil(Instant at) {
        Duration left = Duration.between(clock.instant(), at);
        return Math.max(0, Math.min(left.toMillis(), LONGEST_SLEEP.toMillis()));
    }

    /** Stops the thread, waiting up to {@code timeout} for the running task. */
    public void shutdown(Duration timeout) throws InterruptedException {
        executor.shutdownNow();
        executor.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        shutdown(Duration.ofSeconds(5));
    }
}
