package dev.roost.hub.broker.persistence;

import dev.roost.hub.broker.message.Message;

/**
 * Every change to the broker's durable state (retained messages, persistent sessions), recorded in order so it
 * survives a restart or a crash. Each change gets a ticket; {@link #whenDurable} tells when a ticket is on disk,
 * which is when a QoS 1/2 message may be acknowledged. Called on the broker loop only.
 */
public interface BrokerJournal {

    /** A journal that keeps nothing: for a broker without persistence and for clean sessions. */
    BrokerJournal NONE = new BrokerJournal() {
        @Override
        public void record(JournalEntry entry) {
        }

        @Override
        public long lastTicket() {
            return 0;
        }

        @Override
        public boolean isDurable(long ticket) {
            return true;
        }

        @Override
        public void whenDurable(long ticket, Runnable task) {
            task.run();
        }

        @Override
        public boolean accepting() {
            return true;
        }
    };

    /** Queues one change for the disk; returns at once. */
    void record(JournalEntry entry);

    /** The ticket of the latest recorded change; it grows with every change. */
    long lastTicket();

    /** Whether every change up to {@code ticket} is on disk. */
    boolean isDurable(long ticket);

    /** Runs {@code task} on the broker loop once every change up to {@code ticket} is durable (at once if it is). */
    void whenDurable(long ticket, Runnable task);

    /**
     * False while the disk is this far behind the broker: QoS 1/2 publishers are then refused before anything is
     * acknowledged, so a slow SD card cannot fill the heap with changes waiting to be written.
     */
    boolean accepting();

    default void retained(Message message) {
        record(new JournalEntry.Retained(message));
    }
}
