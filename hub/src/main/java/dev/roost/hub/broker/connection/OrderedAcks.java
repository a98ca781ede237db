package dev.roost.hub.broker.connection;

import dev.roost.hub.broker.persistence.BrokerJournal;

import java.util.ArrayDeque;

/**
 * A connection's acknowledgements (PUBACK, PUBREC, PUBCOMP, SUBACK, UNSUBACK), each sent once what it
 * acknowledges is durable and never before an earlier one, so they leave in the order their packets came in
 * [MQTT-4.6.0-2, 4.6.0-3, 4.6.0-4]. Confined to the broker loop.
 */
final class OrderedAcks {

    private record Pending(long ticket, Runnable send) {
    }

    private final BrokerJournal journal;
    /** Made on first need: most connections never wait, and 10,000 idle ones should not each hold a queue. */
    private ArrayDeque<Pending> pending;
    /** One task for every wait, rather than one per acknowledgement: a group commit releases hundreds at once. */
    private final Runnable release = this::releaseDurable;

    OrderedAcks(BrokerJournal journal) {
        this.journal = journal;
    }

    /** Whether an acknowledgement needing {@code ticket} may be sent now: it is durable and none waits before it. */
    boolean sendsAtOnce(long ticket) {
        return (pending == null || pending.isEmpty()) && journal.isDurable(ticket);
    }

    /** Sends via {@code send} once the journal's changes up to {@code ticket} are durable (0: nothing to wait for). */
    void afterDurable(long ticket, Runnable send) {
        if (sendsAtOnce(ticket)) {
            send.run();
            return;
        }
        if (pending == null) {
            pending = new ArrayDeque<>(4);
        }
        pending.add(new Pending(ticket, send));
        if (pending.size() == 1) {
            journal.whenDurable(ticket, release); // not durable yet, or sendsAtOnce would have sent it
        }
    }

    /**
     * Sends the waiting acknowledgements from the front for as long as they are durable, then waits for the next
     * one, if any. The journal runs this only when the front became durable, and only one wait is ever registered.
     */
    private void releaseDurable() {
        while (!pending.isEmpty() && journal.isDurable(pending.peek().ticket())) {
            pending.poll().send().run();
        }
        if (!pending.isEmpty()) {
            journal.whenDurable(pending.peek().ticket(), release);
        }
    }
}
