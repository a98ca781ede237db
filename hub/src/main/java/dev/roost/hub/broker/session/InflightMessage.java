package dev.roost.hub.broker.session;

import dev.roost.hub.broker.message.Message;

/**
 * An outgoing QoS 1/2 message sent but not yet fully acknowledged. Mutable only in its phase, on the
 * broker loop.
 */
final class InflightMessage {

    /** The session's number for this message, under which the journal keeps it. */
    final long id;
    final Message message;
    final int qos;
    final boolean retainFlag;
    final int[] subscriptionIds;
    /** True once PUBREC arrived and PUBREL was sent: only PUBCOMP is missing. */
    boolean released;
    /** True after a reconnect while the client's Receive Maximum holds it back: it is re-sent as others finish. */
    boolean awaitingResend;

    InflightMessage(long id, Message message, int qos, boolean retainFlag, int[] subscriptionIds) {
        this.id = id;
        this.message = message;
        this.qos = qos;
        this.retainFlag = retainFlag;
        this.subscriptionIds = subscriptionIds;
    }
}
