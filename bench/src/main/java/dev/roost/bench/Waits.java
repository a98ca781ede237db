package dev.roost.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;

/** Every wait in the tool is bounded, so it finishes and reports even when the broker stops answering. */
final class Waits {
    private static final long POLL_MILLIS = 10;

    private Waits() {
    }

    /** Outcome of waiting for a batch of futures: the values that arrived in time and the first failure seen. */
    record Batch<T>(List<T> succeeded, int failed, String firstError) {
    }

    static <T> Batch<T> all(List<CompletableFuture<T>> futures, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<T> ok = new ArrayList<>(futures.size());
        int failed = 0;
        String firstError = null;
        for (CompletableFuture<T> f : futures) {
            try {
                ok.add(f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
            } catch (ExecutionException | TimeoutException e) {
                failed++;
                if (firstError == null) {
                    Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
                    firstError = cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting", e);
            }
        }
        return new Batch<>(ok, failed, firstError);
    }

    /**
     * Waits until {@code current} reaches {@code target}, giving up when it has not moved for {@code quiet} or when
     * {@code deadlineNanos} passes. Returns true only if the target was reached.
     */
    static boolean progress(LongSupplier current, long target, Duration quiet, long deadlineNanos) {
        long last = current.getAsLong();
        long lastMove = System.nanoTime();
        while (last < target) {
            long now = System.nanoTime();
            if (now - lastMove >= quiet.toNanos() || now >= deadlineNanos) {
                return false;
            }
            sleep(POLL_MILLIS);
            long v = current.getAsLong();
            if (v != last) {
                last = v;
                lastMove = System.nanoTime();
            }
        }
        return true;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting", e);
        }
    }

    static void sleep(Duration d) {
        sleep(d.toMillis());
    }

    static <T> void quietly(CompletableFuture<T> f, Duration timeout) {
        try {
            f.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // The caller only needs the wait bounded; what went wrong is visible in the counters it reads next.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
