package dev.roost.rules.engine;

import dev.roost.rules.trigger.TriggerSettings;

/**
 * How the engine behaves: trigger settings (topic base, location), loop protection (a rule triggered more
 * than {@code maxTriggersPerSecond} times within one second is paused), how many runs a {@code queued} rule
 * may have waiting, and how many topics' latest values {@code state[...]} keeps.
 */
public record EngineSettings(TriggerSettings triggers, int maxTriggersPerSecond, int maxQueuedRuns,
                             int maxStateTopics) {

    public EngineSettings {
        if (maxTriggersPerSecond < 1 || maxQueuedRuns < 0 || maxStateTopics < 1) {
            throw new IllegalArgumentException("engine limits must be positive: " + maxTriggersPerSecond + ", "
                    + maxQueuedRuns + ", " + maxStateTopics);
        }
    }

    /** 20 triggers per second per rule, 10 queued runs, 10,000 state topics. */
    public static EngineSettings defaults(TriggerSettings triggers) {
        return new EngineSettings(triggers, 20, 10, 10_000);
    }
}
