package dev.roost.rules.trigger;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/** Fires on every message of a topic filter, or with {@code changesOnly} on every changed payload per topic. */
final class TopicMessageTrigger implements MessageTrigger {

    private final String description;
    private final String filter;
    private final boolean changesOnly;
    private final Map<String, String> lastPayloads = new HashMap<>();

    TopicMessageTrigger(String filter, boolean changesOnly) {
        this.filter = filter;
        this.changesOnly = changesOnly;
        // Built once: the engine asks for it on every message that reaches the trigger.
        this.description = (changesOnly ? "change of " : "topic ") + filter;
    }

    @Override
    public String filter() {
        return filter;
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public TriggerSignal offer(String topic, String payload, Object value, boolean retained) {
        if (!changesOnly) {
            return retained ? TriggerSignal.IGNORE : TriggerSignal.FIRE;
        }
        String previous = lastPayloads.put(topic, payload);
        if (retained) {
            return TriggerSignal.IGNORE;
        }
        return Objects.equals(previous, payload) ? TriggerSignal.HOLD : TriggerSignal.FIRE;
    }
}
