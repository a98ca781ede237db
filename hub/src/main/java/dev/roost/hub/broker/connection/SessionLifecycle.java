package dev.roost.hub.broker.connection;

import dev.roost.hub.broker.persistence.JournalEntry;
import dev.roost.hub.broker.session.ClientLink;
import dev.roost.hub.broker.session.Session;
import dev.roost.hub.broker.session.SessionStore;
import dev.roost.hub.broker.subscription.SubscriptionTree;
import io.netty.util.concurrent.EventExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;

/**
 * Opening and ending sessions around connections: clean versus persistent sessions, session present, session
 * expiry (MQTT 5; an MQTT 3.1.1 persistent session never expires) and takeover of a client id that is already
 * connected. Runs on the broker loop.
 */
public final class SessionLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SessionLifecycle.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The session a CONNECT ends up with, and whether it existed before. */
    record Opened(Session session, boolean present) {
    }

    private SessionLifecycle() {
    }

    static Opened open(BrokerContext broker, String clientId, ConnectRequest request) {
        Session existing = broker.sessions().get(clientId);
        if (existing != null && existing.link() != null) {
            ClientLink previous = existing.link();
            existing.detach();
            previous.closeTakenOver(); // [MQTT-3.1.4-2]
        }
        // A session without expiry lasts as long as its connection, so a taken-over one ends here too.
        if (existing != null && (request.cleanStart() || existing.isClean())) {
            discard(broker, existing); // [MQTT-3.1.2-6], [MQTT-3.1.2-4] in MQTT 5
            existing = null;
        }
        if (existing != null) {
            existing.expireAfter(request.sessionExpiry());
            return new Opened(existing, true); // [MQTT-3.2.2-2]
        }
        var config = broker.config();
        boolean clean = request.sessionExpiry() == 0;
        Session session = new Session(clientId, clean, config.maxInflight(), config.maxQueuedMessages(),
                broker.budget(), broker.stats(), broker.journal());
        broker.sessions().put(session);
        if (!clean) {
            broker.journal().record(new JournalEntry.SessionOpened(clientId));
            session.expireAfter(request.sessionExpiry());
        }
        return new Opened(session, false); // [MQTT-3.2.2-1, 3.2.2-3]
    }

    /**
     * Called when a connection ends: a session without expiry ends with it, another waits for its client
     * until it expires [MQTT-3.1.2-4].
     */
    static void close(BrokerContext broker, Session session, ClientLink link, EventExecutor loop) {
        if (session.link() != link) {
            return; // taken over: the session belongs to the new connection now
        }
        session.detach();
        if (session.isClean() || session.expirySeconds() == 0) {
            discard(broker, session);
        } else {
            scheduleExpiry(broker, session, loop);
        }
    }

    /**
     * Arms the timer that ends a session left without a connection when its expiry interval has passed. After a
     * restart the interval counts again from the start.
     */
    public static void scheduleExpiry(BrokerContext broker, Session session, EventExecutor loop) {
        long seconds = session.expirySeconds();
        if (seconds == JournalEntry.SessionExpiry.NEVER) {
            return;
        }
        session.expireWith(loop.schedule(() -> {
            if (session.link() == null && broker.sessions().get(session.clientId()) == session) {
                log.atInfo().addKeyValue("clientId", session.clientId()).addKeyValue("expirySeconds", seconds)
                        .log("session expired");
                discard(broker, session);
            }
        }, seconds, TimeUnit.SECONDS));
    }

    static void discard(BrokerContext broker, Session session) {
        SubscriptionTree tree = broker.router().subscriptions();
        for (String filter : session.subscriptions().keySet()) {
            tree.unsubscribe(filter, session);
        }
        broker.sessions().remove(session.clientId());
        session.discard(); // after it is gone from the store: a delayed will it publishes must not route to it
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
