package dev.roost.bench;

import java.util.BitSet;

/**
 * Accounts for one publisher's numbered stream as seen by one subscriber: how many distinct messages arrived,
 * how many arrived again, and how many arrived after a later one. Loss is only known once the sender's count is.
 */
final class SequenceTracker {
    private final BitSet seen = new BitSet();
    private long unique;
    private long duplicates;
    private long outOfOrder;
    private long invalid;
    private long highest = -1;

    /** Returns true the first time a sequence number is seen. */
    boolean record(long sequence) {
        if (sequence < 0 || sequence > Integer.MAX_VALUE) {
            invalid++;
            return false;
        }
        int index = (int) sequence;
        if (seen.get(index)) {
            duplicates++;
            return false;
        }
        seen.set(index);
        unique++;
        if (sequence < highest) {
            outOfOrder++;
        } else {
            highest = sequence;
        }
        return true;
    }

    long unique() {
        return unique;
    }

    long duplicates() {
        return duplicates;
    }

    long outOfOrder() {
        return outOfOrder;
    }

    long invalid() {
        return invalid;
    }

    /** Counts only numbers the publisher actually sent, so a broker inventing messages cannot hide a loss. */
    long lost(long sent) {
        long sentAndSeen = sent <= 0 ? 0 : seen.get(0, (int) Math.min(sent, Integer.MAX_VALUE)).cardinality();
        return sent - sentAndSeen;
    }
}
