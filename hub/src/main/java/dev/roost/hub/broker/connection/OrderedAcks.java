package dev.roost.hub.broker.connection;

import dev.roost.hub.broker.persistence.BrokerJournal;

import java.util.ArrayDeque;

/**
 * A connection's acknowledgements (PUBACK, PUBREC, PUBCOMP, SUBACK, UNSUBACK), each sent once what it
 * acknowledges is durable and never before an earlier one, so they leave in the order their packets came in
 * [MQTT-4.6.0-2, 4.6.0-3, 4.6.0-4]; and, once what they depend on is durable, the PUBRELs of a persistent
 * session's outgoing QoS 2 messages and the QoS 2 PUBLISHes of messages a persistent session published.
 * Confined to the broker loop.
 */
final class OrderedAcks {

    /** Writes a PUBACK (QoS 1) or PUBREC (QoS 2). */
    @FunctionalInterface
    interface PublishAckWriter {
        void write(int qos, int packetId, int reasonCode);
    }

    /**
     * An acknowledgement waiting: a PUBACK/PUBREC by its fields, anything else as a task. A stored message's
     * acknowledgement always waits, and a task capturing its fields cost more to make than the record (the quick
     * JIT compiler makes such tasks through a slow call into the JVM).
     */
    private record Pending(long ticket, Runnable send, int qos, int packetId, int reasonCode) {
    }

    private final BrokerJournal journal;
    private final PublishAckWriter publishAcks;
    /** Made on first need: most connections never wait, and 10,000 idle ones should not each hold a queue. */
    private ArrayDeque<Pending> pending;
    /** One task for every wait, rather than one per acknowledgement: a group commit releases hundreds at once. */
    private final Runnable release = this::releaseDurable;

    OrderedAcks(BrokerJournal journal, PublishAckWriter publishAcks) {
        this.journal = journal;
        this.publishAcks = publishAcks;
    }

    /** Whether an acknowledgement needing {@code ticket} may be sent now: it is durable and none waits before it. */
    boolean sendsAtOnce(long ticket) {
        return (pending == null || pending.isEmpty()) && journal.isDurable(ticket);
    }

    /** Sends via {@code send} once the journal's changes up to {@code ticket} are durable (0: nothing to wait for). */
    void afterDurable(long ticket, Runnable send) {
        if (sendsAtOnce(ticket)) {
            send.run();
        } else {
            enqueue(new Pending(ticket, send, 0, 0, 0));
        }
    }

    /** Writes a PUBACK/PUBREC once the journal's changes up to {@code ticket} are durable. */
    void publishAckAfterDurable(long ticket, int qos, int packetId, int reasonCode) {
        if (sendsAtOnce(ticket)) {
            publishAcks.write(qos, packetId, reasonCode);
        } else {
            enqueue(new Pending(ticket, null, qos, packetId, reasonCode));
        }
    }

    private void enqueue(Pending ack) {
        if (pending == null) {
            pending = new ArrayDeque<>(4);
        }
        pending.add(ack);
        if (pending.size() == 1) {
            journal.whenDurable(ack.ticket(), release); // not durable yet, or sendsAtOnce would have sent it
        }
    }

    private void send(Pending ack) {
        if (ack.send() != null) {
            ack.send().run();
        } else {
            publishAcks.write(ack.qos(), ack.packetId(), ack.reasonCode());
        }
    }

    /**
     * Sends the waiting acknowledgements from the front for as long as they are durable, then waits for the next
     * one, if any. The journal runs this only when the front became durable, and only one wait is ever registered.
     */
    private void releaseDurable() {
        while (!pending.isEmpty() && journal.isDurable(pending.peek().ticket())) {
            send(pending.poll());
        }
        if (!pending.isEmpty()) {
            journal.whenDurable(pending.peek().ticket(), release);
        }
    }
}
