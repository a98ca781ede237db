package dev.roost.rules.engine;

import dev.roost.rules.sandbox.PayloadValues;

import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * {@code state}: the latest payload of every topic seen, decoded and parsed only when a rule reads it. Most
 * messages through a busy broker concern no rule, and parsing each of them (JSON included) cost more than
 * everything else the engine does with a message.
 *
 * <p>Threading: recorded on the thread that delivers messages, read on the engine's thread.
 */
final class LazyState extends AbstractMap<String, Object> {

    private final Map<String, Payload> byTopic = new ConcurrentHashMap<>();

    /** One topic's latest payload and, once read, its parsed value. */
    private static final class Payload {
        private static final Object UNPARSED = new Object();

        final byte[] bytes;
        volatile Object value = UNPARSED;

        Payload(byte[] bytes) {
            this.bytes = bytes;
        }

        Object value() {
            Object parsed = value;
            if (parsed == UNPARSED) {
                parsed = PayloadValues.parse(new String(bytes, StandardCharsets.UTF_8));
                value = parsed;
            }
            return parsed;
        }
    }

    /**
     * Keeps {@code payload} (not copied: messages are immutable) as the topic's latest; false when the topic is
     * new and {@code maxTopics} are kept already.
     */
    boolean record(String topic, byte[] payload, int maxTopics) {
        Payload latest = new Payload(payload);
        if (byTopic.replace(topic, latest) != null) {
            return true;
        }
        if (byTopic.size() >= maxTopics) {
            return false;
        }
        byTopic.put(topic, latest);
        return true;
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
