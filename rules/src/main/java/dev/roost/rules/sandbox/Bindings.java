package dev.roost.rules.sandbox;

import java.time.ZonedDateTime;
import java.util.Map;

/**
 * The names one evaluation can see: {@code topic}, {@code payload}, {@code value} (the payload parsed by
 * {@link PayloadValues#parse}), {@code state['some/topic']} (latest retained values, parsed the same way),
 * {@code now} and {@code rule}. Nothing else is reachable from an expression.
 */
public record Bindings(String topic, String payload, Object value, Map<String, Object> state,
                       ZonedDateTime now, RuleInfo rule) {

    public Bindings {
        state = state == null ? Map.of() : state;
    }
}
