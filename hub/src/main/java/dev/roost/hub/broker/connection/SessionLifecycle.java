package dev.roost.hub.broker.connection;

import dev.roost.hub.broker.persistence.JournalEntry;
import dev.roost.hub.broker.session.ClientLink;
import dev.roost.hub.broker.session.Session;
import dev.roost.hub.broker.session.SessionStore;
import dev.roost.hub.broker.subscription.SubscriptionTree;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Opening and ending sessions around connections: clean versus persistent sessions, session present, and
 * takeover of a client id that is already connected. Runs on the broker loop.
 */
final class SessionLifecycle {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** The session a CONNECT ends up with, and whether it existed before. */
    record Opened(Session session, boolean present) {
    }

    private SessionLifecycle() {
    }

    static Opened open(BrokerContext broker, String clientId, boolean cleanSession) {
        Session existing = broker.sessions().get(clientId);
        if (existing != null && existing.link() != null) {
            ClientLink previous = existing.link();
            existing.detach();
            previous.close(); // [MQTT-3.1.4-2]
        }
        // A clean session lasts as long as its connection, so a taken-over clean session ends here too.
        if (existing != null && (cleanSession || existing.isClean())) {
            discard(broker, existing); // [MQTT-3.1.2-6]
            existing = null;
        }
        if (existing != null) {
            return new Opened(existing, true); // [MQTT-3.2.2-2]
        }
        var config = broker.config();
        Session session = new Session(clientId, cleanSession, config.maxInflight(), config.maxQueuedMessages(),
                broker.budget(), broker.stats(), broker.journal());
        broker.sessions().put(session);
        if (!cleanSession) {
            broker.journal().record(new JournalEntry.SessionOpened(clientId));
        }
        return new Opened(session, false); // [MQTT-3.2.2-1, 3.2.2-3]
    }

    /** Called when a connection ends; a clean session ends with it, a persistent one waits [MQTT-3.1.2-4]. */
    static void close(BrokerContext broker, Session session, ClientLink link) {
        if (session.link() != link) {
            return; // taken over: the session belongs to the new connection now
        }
        session.detach();
        if (session.isClean()) {
            discard(broker, session);
        }
    }

    static void discard(BrokerContext broker, Session session) {
        SubscriptionTree tree = broker.router().subscriptions();
        for (String filter : session.subscriptions().keySet()) {
            tree.unsubscribe(filter, session);
        }
        session.discard();
        broker.sessions().remove(session.clientId());
        if (!session.isClean()) {
            broker.journal().record(new JournalEntry.SessionEnded(session.clientId()));
        }
    }

    static String assignClientId(SessionStore sessions) {
        String id;
        do {
            byte[] bytes = new byte[8];
            RANDOM.nextBytes(bytes);
            id = "roost-" + HexFormat.of().formatHex(bytes);
        } while (sessions.get(id) != null);
        return id;
    }
}
