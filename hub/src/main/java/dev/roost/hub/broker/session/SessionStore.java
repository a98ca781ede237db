package dev.roost.hub.broker.session;

import java.util.Collection;

/**
 * Where sessions live between connections. The in-memory store keeps them for the life of the process;
 * a durable implementation keeps persistent sessions across restarts. Called on the broker loop only.
 */
public interface SessionStore {

    Session get(String clientId);

    void put(Session session);

    void remove(String clientId);

    Collection<Session> all();
}
