package dev.roost.rules.engine;

import java.time.Instant;

/**
 * One action of a run as it happened: its place in {@code then}, its kind, the outcome, a detail (what was
 * published, the variable's new value, the error), when it started and how long it took.
 */
public record StepRecord(int index, String action, StepOutcome outcome, String detail, Instant startedAt,
                         long durationMicros) {
}
