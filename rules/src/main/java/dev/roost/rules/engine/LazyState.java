package dev.roost.rules.engine;

import dev.roost.rules.sandbox.PayloadValues;

import java.util.AbstractMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code state}: the latest payload of every topic seen, parsed only when a rule reads it. Most messages through
 * a busy broker concern no rule, and parsing each of them (JSON included) cost more than everything else the
 * engine does with a message.
 *
 * <p>Not thread-safe: confined to the engine's thread.
 */
final class LazyState extends AbstractMap<String, Object> {

    private final Map<String, Payload> byTopic = new HashMap<>();

    /** One topic's latest payload and, once read, its parsed value. */
    private static final class Payload {
        final String text;
        Object value;
        boolean parsed;

        Payload(String text) {
            this.text = text;
        }

        Object value() {
            if (!parsed) {
                value = PayloadValues.parse(text);
                parsed = true;
            }
            return value;
        }
    }

    void record(String topic, String payload) {
        byTopic.put(topic, new Payload(payload));
    }

    @Override
    public Object get(Object topic) {
        Payload payload = byTopic.get(topic);
        return payload == null ? null : payload.value();
    }

    @Override
    public boolean containsKey(Object topic) {
        return byTopic.containsKey(topic);
    }

    @Override
    public int size() {
        return byTopic.size();
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return byTopic.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue().value()))
                .collect(Collectors.toUnmodifiableSet());
    }
}
