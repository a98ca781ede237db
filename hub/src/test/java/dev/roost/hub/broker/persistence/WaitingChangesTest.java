package dev.roost.hub.broker.persistence;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;

class WaitingChangesTest {

    private final WaitingChanges waiting = new WaitingChanges();
    private final WaitingChanges.Batch batch = new WaitingChanges.Batch();

    @Test
    void changesComeOutInOrderWithTheirTicketsAcrossManyChunks() {
        waiting.consumedBy(Thread.currentThread());
        for (long ticket = 1; ticket <= 5_000; ticket++) {
            waiting.add(ticket, new JournalEntry.SessionOpened("c" + ticket));
        }
        assertThat(waiting.size()).isEqualTo(5_000);

        waiting.takeInto(batch, 3_000);
        assertThat(batch.size()).isEqualTo(3_000);
        assertThat(waiting.size()).isEqualTo(2_000);
        waiting.takeInto(batch, 4_000);
        assertThat(batch.size()).isEqualTo(5_000);
        for (int i = 0; i < batch.size(); i++) {
            assertThat(batch.ticket(i)).isEqualTo(i + 1);
            assertThat(batch.entry(i)).isEqualTo(new JournalEntry.SessionOpened("c" + (i + 1)));
        }
        assertThat(waiting.size()).isZero();
    }

    @Test
    void discardDropsWhatWaitsAndLaterChangesStillCome() {
        waiting.consumedBy(Thread.currentThread());
        for (long ticket = 1; ticket <= 2_500; ticket++) {
            waiting.add(ticket, new JournalEntry.SessionEnded("gone"));
        }
        waiting.discard();
        assertThat(waiting.size()).isZero();

        waiting.add(2_501, new JournalEntry.SessionOpened("kept"));
        waiting.takeInto(batch, 10);
        assertThat(batch.size()).isEqualTo(1);
        assertThat(batch.ticket(0)).isEqualTo(2_501);
    }

    /**
     * The writer sleeps until a change comes. A wake-up lost between its last look and its sleep would hold the
     * change, and every acknowledgement waiting for it, for the whole timeout: here 30 s against a 10 s limit.
     */
    @Test
    void aWaitingWriterWakesForEachChangeItDidNotSeeYet() throws Exception {
        int changes = 20_000;
        CompletableFuture<List<Long>> consumed = new CompletableFuture<>();
        Thread writer = new Thread(() -> {
            List<Long> tickets = new ArrayList<>();
            while (tickets.size() < changes) {
                if (!waiting.await(30_000)) {
                    continue;
                }
                waiting.takeInto(batch, 100);
                for (int i = 0; i < batch.size(); i++) {
                    tickets.add(batch.ticket(i));
                }
                batch.clear();
            }
            consumed.complete(tickets);
        });
        waiting.consumedBy(writer);
        writer.start();
        for (long ticket = 1; ticket <= changes; ticket++) {
            waiting.add(ticket, new JournalEntry.OutgoingDone("c", ticket));
            if (ticket % 50 == 0) {
                LockSupport.parkNanos(20_000); // let the writer catch up and go to sleep, again and again
            }
        }

        List<Long> tickets = consumed.get(10, TimeUnit.SECONDS);
        assertThat(tickets).hasSize(changes);
        for (int i = 0; i < changes; i++) {
            assertThat(tickets.get(i)).isEqualTo(i + 1);
        }
    }
}
