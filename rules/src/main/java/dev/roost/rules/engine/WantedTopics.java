package dev.roost.rules.engine;

import dev.roost.rules.trigger.TopicFilterIndex;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The topic filters of the loaded rules' message triggers, readable from any thread. Most messages through a
 * busy broker concern no rule; only the ones a filter wants are handed over to the engine's thread, which
 * spares the broker a thread wake-up per message.
 *
 * <p>A home's devices publish on the same few hundred topics again and again, so each answer is remembered
 * with the filters it was found in.
 *
 * <p>Threading: replaced on the engine's thread; each snapshot's filters are never changed after it is published.
 */
final class WantedTopics {

    /** Topics whose answer is remembered; when full it starts over, so a topic scan cannot pin the heap. */
    private static final int REMEMBERED_TOPICS = 1024;

    private record Filters(TopicFilterIndex<String> index, Map<String, Boolean> answers) {
    }

    private volatile Filters filters = new Filters(new TopicFilterIndex<>(), new ConcurrentHashMap<>());

    void replace(Collection<String> wanted) {
        TopicFilterIndex<String> fresh = new TopicFilterIndex<>();
        wanted.forEach(filter -> fresh.add(filter, filter));
        filters = new Filters(fresh, new ConcurrentHashMap<>());
    }

    boolean wants(String topic) {
        Filters current = filters;
        Boolean known = current.answers().get(topic);
        if (known != null) {
            return known;
        }
        boolean wanted = current.index().matchesAny(topic);
        if (current.answers().size() >= REMEMBERED_TOPICS) {
            current.answers().clear();
        }
        current.answers().put(topic, wanted);
        return wanted;
    }
}
