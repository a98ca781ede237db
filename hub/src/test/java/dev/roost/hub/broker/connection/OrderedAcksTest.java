package dev.roost.hub.broker.connection;

import dev.roost.hub.broker.persistence.BrokerJournal;
import dev.roost.hub.broker.persistence.JournalEntry;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Acknowledgements wait for the disk and leave in the order their packets came in [MQTT-4.6.0-2]. */
class OrderedAcksTest {

    /** A journal whose disk the test advances by hand; like the real one, it runs waiters once they are due. */
    private static final class HandDrivenJournal implements BrokerJournal {
        private long durable;
        private final List<long[]> tickets = new ArrayList<>();
        private final List<Runnable> tasks = new ArrayList<>();

        @Override
        public void record(JournalEntry entry) {
        }

        @Override
        public long lastTicket() {
            return 0;
        }

        @Override
        public boolean isDurable(long ticket) {
            return ticket <= durable;
        }

        @Override
        public void whenDurable(long ticket, Runnable task) {
            if (isDurable(ticket)) {
                task.run();
            } else {
                tickets.add(new long[] {ticket});
                tasks.add(task);
            }
        }

        @Override
        public boolean accepting() {
            return true;
        }

        void durableThrough(long ticket) {
            durable = ticket;
            List<Runnable> due = new ArrayList<>();
            for (int i = tickets.size() - 1; i >= 0; i--) {
                if (tickets.get(i)[0] <= ticket) {
                    tickets.remove(i);
                    due.add(0, tasks.remove(i));
                }
            }
            due.forEach(Runnable::run);
        }

        int waiting() {
            return tasks.size();
        }
    }

    private final HandDrivenJournal journal = new HandDrivenJournal();
    private final List<String> sent = new ArrayList<>();
    private final OrderedAcks acks = new OrderedAcks(journal,
            (qos, packetId, reasonCode) -> sent.add((qos == 1 ? "PUBACK " : "PUBREC ") + packetId + " " + reasonCode));

    @Test
    void anAcknowledgementWithNothingToWaitForGoesAtOnce() {
        acks.afterDurable(0, () -> sent.add("a"));

        assertThat(sent).containsExactly("a");
        assertThat(journal.waiting()).isZero();
    }

    @Test
    void anAcknowledgementWaitsUntilItsChangesAreDurable() {
        acks.afterDurable(3, () -> sent.add("a"));
        journal.durableThrough(2);
        assertThat(sent).isEmpty();

        journal.durableThrough(3);
        assertThat(sent).containsExactly("a");
    }

    @Test
    void aLaterAcknowledgementNeverOvertakesOneThatWaits() {
        acks.afterDurable(5, () -> sent.add("a"));
        acks.afterDurable(0, () -> sent.add("b"));
        assertThat(acks.sendsAtOnce(0)).isFalse();
        assertThat(sent).isEmpty();

        journal.durableThrough(5);
        assertThat(sent).containsExactly("a", "b");
    }

    @Test
    void oneGroupCommitReleasesWhatItCoversAndTheRestWaitsForTheNext() {
        acks.afterDurable(1, () -> sent.add("a"));
        acks.afterDurable(2, () -> sent.add("b"));
        acks.afterDurable(4, () -> sent.add("c"));
        assertThat(journal.waiting()).as("one wait at a time, for the front").isEqualTo(1);

        journal.durableThrough(2);
        assertThat(sent).containsExactly("a", "b");

        journal.durableThrough(4);
        assertThat(sent).containsExactly("a", "b", "c");
        assertThat(journal.waiting()).isZero();
        assertThat(acks.sendsAtOnce(4)).isTrue();
    }

    @Test
    void publishAcknowledgementsKeepTheirPlaceAmongTheOthers() {
        acks.publishAckAfterDurable(0, 1, 7, 0);
        acks.publishAckAfterDurable(3, 2, 8, 0);
        acks.afterDurable(1, () -> sent.add("SUBACK"));
        acks.publishAckAfterDurable(2, 1, 9, 0x97);
        assertThat(sent).containsExactly("PUBACK 7 0");

        journal.durableThrough(2);
        assertThat(sent).as("the PUBREC for 8 still waits, and so does what came after it")
                .containsExactly("PUBACK 7 0");

        journal.durableThrough(3);
        assertThat(sent).containsExactly("PUBACK 7 0", "PUBREC 8 0", "SUBACK", "PUBACK 9 151");
    }
}
