package dev.roost.rules.schedule;

import java.time.Clock;
import java.time.Instant;

/**
 * The rule engine's one thread and its sense of time: tasks run one at a time, in order, so the engine's
 * state needs no locks; tests supply a scheduler driven by a hand-moved clock, so no test sleeps.
 */
public interface Scheduler {

    /** The clock every time-based decision of the engine reads. */
    Clock clock();

    /** Runs {@code task} soon on the scheduler's thread, after the tasks already submitted. */
    void execute(Runnable task);

    /** Runs {@code task} on the scheduler's thread once {@link #clock()} has reached {@code at}. */
    Cancellable schedule(Instant at, Runnable task);
}
