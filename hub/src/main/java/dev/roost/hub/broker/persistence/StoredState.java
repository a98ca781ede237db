package dev.roost.hub.broker.persistence;

import dev.roost.hub.broker.message.Message;
import dev.roost.hub.broker.subscription.SubscriptionOptions;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the broker kept across a restart: retained messages and persistent sessions, as read at start.
 *
 * @param lastTicket the ticket of the latest change it includes
 */
public record StoredState(List<Message> retained, List<Session> sessions, long lastTicket) {

    public static final StoredState EMPTY = new StoredState(List.of(), List.of(), 0);

    /**
     * One persistent session: its subscriptions, outgoing messages (in send order), incoming QoS 2 ids and how
     * long it outlives its connection ({@link JournalEntry.SessionExpiry}).
     */
    public record Session(String clientId, Map<String, SubscriptionOptions> subscriptions, List<Outgoing> outgoing,
                          Set<Integer> incomingQos2, long expirySeconds) {
    }

    /**
     * An outgoing QoS 1/2 message a session still holds.
     *
     * @param packetId the packet id it was sent with, or 0 when it is still queued
     * @param released PUBREC was received (QoS 2): only PUBREL is re-sent
     * @param subscriptionIds the MQTT 5 subscription identifiers it goes out with
     */
    public record Outgoing(long id, Message message, int qos, boolean retainFlag, int packetId, boolean released,
                           int[] subscriptionIds) {
    }
}
