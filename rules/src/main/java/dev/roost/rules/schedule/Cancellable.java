package dev.roost.rules.schedule;

/** A scheduled task that can be called off before it runs. */
@FunctionalInterface
public interface Cancellable {

    /** Makes sure the task does not run if it has not started; calling it again has no effect. */
    void cancel();
}
