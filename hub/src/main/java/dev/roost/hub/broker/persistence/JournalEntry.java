package dev.roost.hub.broker.persistence;

import dev.roost.hub.broker.message.Message;

/** One change to the broker's durable state, as the journal writes it. Immutable. */
public sealed interface JournalEntry {

    /** A retained message stored, or deleted when its payload is empty [MQTT-3.3.1-10]. */
    record Retained(Message message) implements JournalEntry {
    }

    /** A persistent session begins. */
    record SessionOpened(String clientId) implements JournalEntry {
    }

    /** A persistent session ends, with everything it held. */
    record SessionEnded(String clientId) implements JournalEntry {
    }

    record Subscribed(String clientId, String filter, int qos) implements JournalEntry {
    }

    record Unsubscribed(String clientId, String filter) implements JournalEntry {
    }

    /**
     * An outgoing QoS 1/2 message kept for a session, under the session's message number {@code id}.
     *
     * @param packetId the packet id it was sent with, or 0 while it waits in the queue
     */
    record OutgoingQueued(String clientId, long id, Message message, int qos, boolean retainFlag, int packetId)
            implements JournalEntry {
    }

    /** A queued outgoing message sent under a packet id. */
    record OutgoingSent(String clientId, long id, int packetId) implements JournalEntry {
    }

    /** PUBREC received for an outgoing QoS 2 message: only PUBREL is re-sent from now on. */
    record OutgoingReleased(String clientId, long id) implements JournalEntry {
    }

    /** An outgoing message acknowledged (PUBACK, PUBCOMP) or dropped. */
    record OutgoingDone(String clientId, long id) implements JournalEntry {
    }

    /** An incoming QoS 2 packet id received and awaiting PUBREL. */
    record IncomingQos2(String clientId, int packetId) implements JournalEntry {
    }

    /** PUBREL received for an incoming QoS 2 packet id. */
    record IncomingReleased(String clientId, int packetId) implements JournalEntry {
    }
}
