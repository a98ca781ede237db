package dev.roost.rules.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roost.rules.engine.RunOutcome;
import dev.roost.rules.engine.RunRecord;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackgroundRunRecorderTest {

    private static final Instant NOON = Instant.parse("2026-11-25T12:00:00Z");

    @TempDir
    Path folder;

    private static RunRecord run(int n) {
        return new RunRecord("heat", NOON, "topic home/temperature", "home/temperature", String.valueOf(n), null,
                RunOutcome.COMPLETED, null, List.of());
    }

    @Test
    void runsReachTheDatabaseInOrderAndCloseWritesWhatIsQueued() throws Exception {
        try (TestDatabase db = TestDatabase.open(folder)) {
            JdbcRunHistory history = new JdbcRunHistory(db.dataSource(), Retention.defaults(), Clock.fixed(NOON, ZoneOffset.UTC));
            BackgroundRunRecorder recorder = new BackgroundRunRecorder(history, 100);
            for (int i = 0; i < 20; i++) {
                recorder.record(run(i));
            }
            recorder.close(Duration.ofSeconds(10));

            assertThat(history.recent("heat", 100)).extracting(RunRecord::payloadExcerpt)
                    .containsExactly("19", "18", "17", "16", "15", "14", "13", "12", "11", "10",
                            "9", "8", "7", "6", "5", "4", "3", "2", "1", "0");
            assertThat(recorder.dropped()).isZero();
        }
    }

    @Test
    void historyThatFallsBehindDropsAndCountsInsteadOfBlocking() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch writing = new CountDownLatch(1);
        BackgroundRunRecorder recorder = new BackgroundRunRecorder(run -> {
            writing.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, 2);
        try {
            recorder.record(run(0));
            assertThat(writing.await(10, TimeUnit.SECONDS)).isTrue();
            for (int i = 1; i <= 5; i++) {
                recorder.record(run(i));
            }

            assertThat(recorder.dropped()).isEqualTo(3);
        } finally {
            release.countDown();
            recorder.close(Duration.ofSeconds(10));
        }
    }
}
