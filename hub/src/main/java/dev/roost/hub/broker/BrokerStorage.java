package dev.roost.hub.broker;

import dev.roost.hub.broker.persistence.BrokerJournal;
import dev.roost.hub.broker.persistence.StoredState;
import dev.roost.hub.broker.retain.InMemoryRetainedStore;
import dev.roost.hub.broker.retain.RetainedStore;
import dev.roost.hub.broker.session.InMemorySessionStore;
import dev.roost.hub.broker.session.SessionStore;

import java.util.List;

/**
 * Where the broker keeps its state: the session and retained stores, the journal that makes them durable, and
 * the persistent sessions to take back at start (their retained messages are already in {@code retained}).
 */
public record BrokerStorage(SessionStore sessions, RetainedStore retained, BrokerJournal journal,
                            List<StoredState.Session> sessionsToRestore) {

    /** Everything in memory, for the life of the process. */
    public static BrokerStorage inMemory() {
        return new BrokerStorage(new InMemorySessionStore(), new InMemoryRetainedStore(), BrokerJournal.NONE,
                List.of());
    }
}
