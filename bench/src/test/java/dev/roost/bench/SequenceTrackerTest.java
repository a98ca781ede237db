package dev.roost.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SequenceTrackerTest {

    @Test
    void countsLossDuplicatesAndReordering() {
        SequenceTracker t = new SequenceTracker();
        for (long seq : new long[] {0, 1, 3, 2, 3, 5, 5, 5}) {
            t.record(seq);
        }
        assertThat(t.unique()).isEqualTo(5);
        assertThat(t.duplicates()).isEqualTo(3);
        assertThat(t.outOfOrder()).isEqualTo(1);
        assertThat(t.lost(7)).as("4 and 6 never arrived").isEqualTo(2);
    }

    @Test
    void numbersNeverSentDoNotHideALoss() {
        SequenceTracker t = new SequenceTracker();
        t.record(0);
        t.record(99);
        assertThat(t.lost(2)).isEqualTo(1);
        assertThat(t.record(-1)).isFalse();
        assertThat(t.invalid()).isEqualTo(1);
    }
}
