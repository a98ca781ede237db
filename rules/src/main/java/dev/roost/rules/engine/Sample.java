package dev.roost.rules.engine;

import java.util.Map;

/**
 * A made-up message to try a rule with: a topic and payload (both null to try a time-triggered rule as if
 * its time had come) and the payloads of other topics that {@code state[...]} should see.
 */
public record Sample(String topic, String payload, Map<String, String> state) {

    public Sample {
        state = state == null ? Map.of() : Map.copyOf(state);
    }
}
