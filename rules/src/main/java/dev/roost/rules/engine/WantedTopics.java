package dev.roost.rules.engine;

import dev.roost.rules.trigger.TopicFilterIndex;

import java.util.Collection;

/**
 * The topic filters of the loaded rules' message triggers, readable from any thread. Most messages through a
 * busy broker concern no rule; only the ones a filter wants are handed over to the engine's thread, which
 * spares the broker a thread wake-up per message.
 *
 * <p>Threading: replaced on the engine's thread; each snapshot is never changed after it is published.
 */
final class WantedTopics {

    private volatile TopicFilterIndex<String> filters = new TopicFilterIndex<>();

    void replace(Collection<String> wanted) {
        TopicFilterIndex<String> fresh = new TopicFilterIndex<>();
        wanted.forEach(filter -> fresh.add(filter, filter));
        filters = fresh;
    }

    boolean wants(String topic) {
        return filters.matchesAny(topic);
    }
}
