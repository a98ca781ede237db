package dev.roost.hub.broker.retain;

import dev.roost.hub.broker.message.Message;

import java.util.function.Consumer;

/**
 * Retained messages, one per topic. Implementations: {@link InMemoryRetainedStore}; a durable one comes with
 * persistence. Called on the broker's event loop only.
 */
public interface RetainedStore {

    /**
     * Stores the message as the topic's retained one; an empty payload deletes it [MQTT-3.3.1-10].
     *
     * @return false when it was not kept because the store is full (counted in {@link #refused()})
     */
    boolean put(Message message);

    /** Retained messages not kept because the store was full. */
    long refused();

    /** Calls the consumer for each retained message whose topic matches the filter. */
    void forEachMatching(String filter, Consumer<Message> consumer);

    /**
     * Calls the consumer for each retained message whose topic starts with {@code prefix}, plain text without
     * wildcards; topics starting with '$' only when the prefix does too, as wildcards would not match them.
     */
    void forEachWithPrefix(String prefix, Consumer<Message> consumer);

    /** Removes the retained message of one topic; returns true when there was one. */
    boolean remove(String topic);

    int size();
}
