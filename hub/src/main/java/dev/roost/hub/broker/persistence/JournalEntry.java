package dev.roost.hub.broker.persistence;

import dev.roost.hub.broker.message.Message;
import dev.roost.hub.broker.subscription.SubscriptionOptions;

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

    /**
     * How long a persistent session outlives its connection, in seconds; {@link #NEVER} (a session without
     * this entry) for as long as the broker keeps it, as MQTT 3.1.1 persistent sessions do.
     */
    record SessionExpiry(String clientId, long seconds) implements JournalEntry {
        /** MQTT 5's 0xFFFFFFFF: the session does not expire [MQTT-3.1.2.11.2]. */
        public static final long NEVER = 0xFFFF_FFFFL;
    }

    record Subscribed(String clientId, String filter, SubscriptionOptions options) implements JournalEntry {
    }

    record Unsubscribed(String clientId, String filter) implements JournalEntry {
    }

    /**
     * An outgoing QoS 1/2 message kept for a session, under the session's message number {@code id}.
     *
     * @param packetId        the packet id it was sent with, or 0 while it waits in the queue
     * @param subscriptionIds the MQTT 5 subscription identifiers it goes out with; empty for none
     */
    record OutgoingQueued(String clientId, long id, Message message, int qos, boolean retainFlag, int packetId,
                          int[] subscriptionIds) implements JournalEntry {
        public OutgoingQueued(String clientId, long id, Message message, int qos, boolean retainFlag, int packetId) {
            this(clientId, id, message, qos, retainFlag, packetId, new int[0]);
        }
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
