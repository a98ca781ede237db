package dev.roost.hub.broker.session;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/** Sessions held in memory for the life of the process. Confined to the broker's event loop. */
public final class InMemorySessionStore implements SessionStore {

    private final Map<String, Session> sessions = new HashMap<>();

    @Override
    public Session get(String clientId) {
        return sessions.get(clientId);
    }

    @Override
    public void put(Session session) {
        sessions.put(session.clientId(), session);
    }

    @Override
    public void remove(String clientId) {
        sessions.remove(clientId);
    }

    @Override
    public Collection<Session> all() {
        return Collections.unmodifiableCollection(sessions.values());
    }
}
