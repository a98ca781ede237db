package dev.roost.hub.broker.persistence;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The changes the broker loop recorded and the journal's writer has not taken yet, with their tickets: a queue
 * for exactly one producer (the broker loop) and one consumer (the writer thread). Every change of a stored
 * message passes through it, a few per message; a LinkedBlockingQueue took two locks and made two objects for
 * each, here a change costs a write of a counter and two array slots in a chunk of many.
 */
final class WaitingChanges {

    private static final int CHUNK = 1024;

    /** A run of slots, filled by the producer in order, read by the consumer in order. */
    private static final class Chunk {
        final JournalEntry[] entries = new JournalEntry[CHUNK];
        final long[] tickets = new long[CHUNK];
        Chunk next; // written before the count that publishes the first change in it
    }

    /** Changes added so far; its write publishes the slots before it to the consumer. */
    private final AtomicLong added = new AtomicLong();
    /** Changes taken so far; read by the producer to tell how many wait. */
    private final AtomicLong taken = new AtomicLong();
    /** Set while the consumer is parked or about to park, so the producer wakes it. */
    private volatile boolean consumerWaiting;
    private volatile Thread consumer;

    // Producer only.
    private Chunk tail = new Chunk();
    private int tailIndex;

    // Consumer only.
    private Chunk head = tail;
    private int headIndex;

    /** Adds a change; the broker loop only. */
    void add(long ticket, JournalEntry entry) {
        if (tailIndex == CHUNK) {
            Chunk next = new Chunk();
            tail.next = next;
            tail = next;
            tailIndex = 0;
        }
        tail.entries[tailIndex] = entry;
        tail.tickets[tailIndex] = ticket;
        tailIndex++;
        // A full volatile write, not an ordered one: it must not pass the read below, or the producer could miss
        // a consumer that saw nothing and went to sleep.
        added.set(added.get() + 1);
        if (consumerWaiting) {
            LockSupport.unpark(consumer);
        }
    }

    /** The writer thread, which {@link #add} wakes; set before the first change is added. */
    void consumedBy(Thread writer) {
        consumer = writer;
    }

    /** How many changes wait. */
    int size() {
        return (int) (added.get() - taken.get());
    }

    /**
     * Waits until a change is there, at most {@code millis}, or until the thread is unparked (to stop, say);
     * the writer only. Returns whether one is.
     */
    boolean await(long millis) {
        if (size() > 0) {
            return true;
        }
        consumerWaiting = true;
        try {
            if (size() == 0) {
                LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(millis));
            }
        } finally {
            consumerWaiting = false;
        }
        return size() > 0;
    }

    /** Moves up to {@code max} changes, oldest first, into {@code batch}; the writer only. */
    void takeInto(Batch batch, int max) {
        int count = Math.min(size(), max);
        for (int i = 0; i < count; i++) {
            if (headIndex == CHUNK) {
                head = head.next;
                headIndex = 0;
            }
            batch.add(head.tickets[headIndex], head.entries[headIndex]);
            head.entries[headIndex] = null;
            headIndex++;
        }
        taken.set(taken.get() + count);
    }

    /** Drops every change waiting; the writer only. */
    void discard() {
        Batch dropped = new Batch();
        while (size() > 0) {
            takeInto(dropped, CHUNK);
            dropped.clear();
        }
    }

    /** Changes the writer took, with their tickets, in order; reused from one group commit to the next. */
    static final class Batch {
        private JournalEntry[] entries = new JournalEntry[256];
        private long[] tickets = new long[256];
        private int size;

        void add(long ticket, JournalEntry entry) {
            if (size == entries.length) {
                entries = Arrays.copyOf(entries, 2 * size);
                tickets = Arrays.copyOf(tickets, 2 * size);
            }
            entries[size] = entry;
            tickets[size] = ticket;
            size++;
        }

        int size() {
            return size;
        }

        JournalEntry entry(int i) {
            return entries[i];
        }

        long ticket(int i) {
            return tickets[i];
        }

        /** Empties it, letting go of the entries. */
        void clear() {
            Arrays.fill(entries, 0, size, null);
            size = 0;
        }
    }
}
