package dev.roost.rules.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.PriorityQueue;

/**
 * A {@link Scheduler} whose time moves only when a test says so: {@link #advance(Duration)} runs every task
 * that falls due, in time order, with the clock set to each task's moment, so no test ever sleeps.
 */
public final class ManualScheduler implements Scheduler {

    /** Enough for any test; more means tasks keep submitting tasks, which a test should see as a failure. */
    private static final int MAX_TASKS_PER_DRAIN = 100_000;

    private final ManualClock clock;
    private final Deque<Runnable> ready = new ArrayDeque<>();
    private final PriorityQueue<Timed> timed = new PriorityQueue<>(
            Comparator.comparing(Timed::at).thenComparingLong(Timed::sequence));
    private long sequence;

    public ManualScheduler(Instant start, ZoneId zone) {
        this.clock = new ManualClock(start, zone);
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public void execute(Runnable task) {
        ready.add(task);
    }

    @Override
    public Cancellable schedule(Instant at, Runnable task) {
        Timed entry = new Timed(at, sequence++, task);
        timed.add(entry);
        return () -> timed.remove(entry);
    }

    /** Runs every task submitted with {@link #execute}, including those they submit in turn. */
    public void runReady() {
        for (int i = 0; !ready.isEmpty(); i++) {
            if (i == MAX_TASKS_PER_DRAIN) {
                throw new IllegalStateException("tasks keep submitting tasks: " + ready.size() + " still ready");
            }
            ready.poll().run();
        }
    }

    /** Moves the clock forward by {@code duration}, running due tasks at their own moments. */
    public void advance(Duration duration) {
        Instant end = clock.instant().plus(duration);
        runReady();
        for (int i = 0; !timed.isEmpty() && !timed.peek().at().isAfter(end); i++) {
            if (i == MAX_TASKS_PER_DRAIN) {
                throw new IllegalStateException("timed tasks keep scheduling tasks before " + end);
            }
            Timed next = timed.poll();
            if (next.at().isAfter(clock.instant())) {
                clock.set(next.at());
            }
            next.task().run();
            runReady();
        }
        clock.set(end);
    }

    /** Moves the clock to {@code moment}, running due tasks on the way. */
    public void advanceTo(Instant moment) {
        advance(Duration.between(clock.instant(), moment));
    }

    /** The moments of the timed tasks still waiting, earliest first. */
    public List<Instant> pendingMoments() {
        return timed.stream().map(Timed::at).sorted().toList();
    }

    private record Timed(Instant at, long sequence, Runnable task) {
    }

    private static final class ManualClock extends Clock {
        private Instant now;
        private final ZoneId zone;

        ManualClock(Instant now, ZoneId zone) {
            this.now = now;
            this.zone = zone;
        }

        void set(Instant moment) {
            now = moment;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return new ManualClock(now, other);
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
