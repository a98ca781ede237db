package dev.roost.hub.broker.persistence;

import dev.roost.hub.broker.message.Message;
import dev.roost.hub.broker.subscription.SubscriptionOptions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Rebuilds the broker's durable state by applying journal entries in order: first the snapshot's, then the
 * journal's written after it. Entries for a session that no longer exists are ignored, as the broker would.
 */
final class StateReplay {

    private final Map<String, Message> retained = new LinkedHashMap<>();
    private final Map<String, SessionState> sessions = new LinkedHashMap<>();

    private static final class SessionState {
        final Map<String, SubscriptionOptions> subscriptions = new LinkedHashMap<>();
        final TreeMap<Long, StoredState.Outgoing> outgoing = new TreeMap<>();
        final Set<Integer> incoming = new LinkedHashSet<>();
        long expirySeconds = JournalEntry.SessionExpiry.NEVER;
    }

    void apply(JournalEntry entry) {
        if (entry instanceof JournalEntry.Retained e) {
            if (e.message().payload().length == 0) {
                retained.remove(e.message().topic());
            } else {
                retained.put(e.message().topic(), e.message());
            }
        } else if (entry instanceof JournalEntry.SessionOpened e) {
            sessions.put(e.clientId(), new SessionState());
        } else if (entry instanceof JournalEntry.SessionEnded e) {
            sessions.remove(e.clientId());
        } else {
            applyToSession(entry);
        }
    }

    private void applyToSession(JournalEntry entry) {
        if (entry instanceof JournalEntry.Subscribed e) {
            withSession(e.clientId(), s -> s.subscriptions.put(e.filter(), e.options()));
        } else if (entry instanceof JournalEntry.SessionExpiry e) {
            withSession(e.clientId(), s -> s.expirySeconds = e.seconds());
        } else if (entry instanceof JournalEntry.Unsubscribed e) {
            withSession(e.clientId(), s -> s.subscriptions.remove(e.filter()));
        } else if (entry instanceof JournalEntry.OutgoingQueued e) {
            withSession(e.clientId(), s -> s.outgoing.put(e.id(), new StoredState.Outgoing(e.id(), e.message(),
                    e.qos(), e.retainFlag(), e.packetId(), false, e.subscriptionIds())));
        } else if (entry instanceof JournalEntry.OutgoingSent e) {
            withSession(e.clientId(), s -> s.outgoing.computeIfPresent(e.id(), (id, o) -> new StoredState.Outgoing(
                    id, o.message(), o.qos(), o.retainFlag(), e.packetId(), false, o.subscriptionIds())));
        } else if (entry instanceof JournalEntry.OutgoingReleased e) {
            withSession(e.clientId(), s -> s.outgoing.computeIfPresent(e.id(), (id, o) -> new StoredState.Outgoing(
                    id, o.message(), o.qos(), o.retainFlag(), o.packetId(), true, o.subscriptionIds())));
        } else if (entry instanceof JournalEntry.OutgoingDone e) {
            withSession(e.clientId(), s -> s.outgoing.remove(e.id()));
        } else if (entry instanceof JournalEntry.IncomingQos2 e) {
            withSession(e.clientId(), s -> s.incoming.add(e.packetId()));
        } else if (entry instanceof JournalEntry.IncomingReleased e) {
            withSession(e.clientId(), s -> s.incoming.remove(e.packetId()));
        }
    }

    private void withSession(String clientId, java.util.function.Consumer<SessionState> change) {
        SessionState session = sessions.get(clientId);
        if (session != null) {
            change.accept(session);
        }
    }

    StoredState result(long lastTicket) {
        List<StoredState.Session> stored = new ArrayList<>(sessions.size());
        sessions.forEach((clientId, s) -> stored.add(new StoredState.Session(clientId, s.subscriptions,
                new ArrayList<>(s.outgoing.values()), s.incoming, s.expirySeconds)));
        return new StoredState(new ArrayList<>(retained.values()), stored, lastTicket);
    }
}
