package dev.roost.hub.broker.persistence;

import dev.roost.hub.broker.message.Message;

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

    /** One persistent session: its subscriptions, outgoing messages (in send order) and incoming QoS 2 ids. */
    public record Session(String clientId, Map<String, Integer> subscriptions, List<Outgoing> outgoing,
                          Set<Integer> incomingQos2) {
    }

    /**
     * An outgoing QoS 1/2 message a session still holds.
     *
     * @param packetId the packet id it was sent with, or 0 when it is still queued
     * @param released PUBREC was received (QoS 2): only PUBREL is re-sent
     */
    public record Outgoing(long id, Message message, int qos, boolean retainFlag, int packetId, boolean released) {
    }
}
