package dev.roost.hub.broker.retain;

import dev.roost.hub.broker.message.Message;
import dev.roost.hub.broker.persistence.BrokerJournal;

import java.util.function.Consumer;

/**
 * Retained messages kept in memory and recorded in the broker's journal, so they survive a restart. Topics
 * starting with {@code $} (the broker's own {@code $SYS} figures) are made afresh after a start and not kept.
 * Called on the broker's event loop only.
 */
public final class DurableRetainedStore implements RetainedStore {

    private final RetainedStore memory;
    private final BrokerJournal journal;

    public DurableRetainedStore(RetainedStore memory, BrokerJournal journal) {
        this.memory = memory;
        this.journal = journal;
    }

    @Override
    public boolean put(Message message) {
        if (message.topic().startsWith("$")) {
            return memory.put(message);
        }
        if (!memory.put(message)) {
            // Not kept, and any older value of the topic was dropped with it: the journal forgets it too.
            journal.retained(Message.of(message.topic(), new byte[0], 0, true));
            return false;
        }
        journal.retained(message);
        return true;
    }

    @Override
    public long refused() {
        return memory.refused();
    }

    @Override
    public void forEachMatching(String filter, Consumer<Message> consumer) {
        memory.forEachMatching(filter, consumer);
    }

    @Override
    public void forEachWithPrefix(String prefix, Consumer<Message> consumer) {
        memory.forEachWithPrefix(prefix, consumer);
    }

    @Override
    public boolean remove(String topic) {
        if (!memory.remove(topic)) {
            return false;
        }
        journal.retained(Message.of(topic, new byte[0], 0, true));
        return true;
    }

    @Override
    public int size() {
        return memory.size();
    }
}
