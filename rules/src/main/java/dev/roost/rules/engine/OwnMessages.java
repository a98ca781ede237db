package dev.roost.rules.engine;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Messages the rules published that have not come back through the broker yet. A trigger by one of them was
 * caused by a rule, directly or through other rules: that, not a busy sensor, is what loop protection counts.
 * Only messages a trigger wants are kept, as only those come back to the engine; bounded, oldest forgotten first,
 * so messages the broker never returns (e.g. denied by an ACL) cannot pile up.
 *
 * <p>Not thread-safe: confined to the engine's thread.
 */
final class OwnMessages {

    private static final int MAX_PENDING = 10_000;

    private final Map<String, Integer> pending = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
            return size() > MAX_PENDING;
        }
    };

    private final WantedTopics wanted;

    OwnMessages(WantedTopics wanted) {
        this.wanted = wanted;
    }

    void published(String topic, String payload) {
        if (!wanted.wants(topic)) {
            return;
        }
        pending.merge(key(topic, payload), 1, Integer::sum);
    }

    /** True, once per publish, when this message is one the rules published. */
    boolean cameBack(String topic, String payload) {
        if (pending.isEmpty()) {
            return false; // most messages, when no rule has published lately: no key to build
        }
        String key = key(topic, payload);
        Integer count = pending.get(key);
        if (count == null) {
            return false;
        }
        if (count == 1) {
            pending.remove(key);
        } else {
            pending.put(key, count - 1);
        }
        return true;
    }

    private static String key(String topic, String payload) {
        return topic + '\u0000' + (payload == null ? "" : payload);
    }
}
