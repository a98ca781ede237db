package dev.roost.rules.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class ExecutorSchedulerTest {

    @Test
    void runsTasksInSubmissionOrderOnItsOwnThread() throws InterruptedException {
        List<String> seen = new CopyOnWriteArrayList<>();
        try (ExecutorScheduler scheduler = new ExecutorScheduler(Clock.systemUTC(), "rules-test")) {
            for (int i = 0; i < 5; i++) {
                int n = i;
                scheduler.execute(() -> seen.add(n + "@" + Thread.currentThread().getName()));
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> seen.size() == 5);
        }
        assertThat(seen).containsExactly("0@rules-test", "1@rules-test", "2@rules-test", "3@rules-test", "4@rules-test");
    }

    @Test
    void cancelledTaskNeverRunsWhileOthersDo() throws InterruptedException {
        List<String> seen = new CopyOnWriteArrayList<>();
        Clock clock = Clock.systemUTC();
        try (ExecutorScheduler scheduler = new ExecutorScheduler(clock, "rules-test")) {
            // A second of margin, so a busy machine cannot run the task before the test cancels it.
            Cancellable cancelled = scheduler.schedule(clock.instant().plusSeconds(1), () -> seen.add("cancelled"));
            scheduler.schedule(clock.instant().plusMillis(1500), () -> seen.add("kept"));
            cancelled.cancel();
            await().atMost(Duration.ofSeconds(5)).until(() -> seen.contains("kept"));
        }
        assertThat(seen).containsExactly("kept");
    }

    @Test
    void failingTaskDoesNotStopTheTasksAfterIt() throws InterruptedException {
        List<String> seen = new CopyOnWriteArrayList<>();
        try (ExecutorScheduler scheduler = new ExecutorScheduler(Clock.systemUTC(), "rules-test")) {
            scheduler.execute(() -> {
                throw new IllegalStateException("a rule's bug");
            });
            scheduler.execute(() -> seen.add("after"));
            await().atMost(Duration.ofSeconds(5)).until(() -> seen.contains("after"));
        }
        assertThat(seen).containsExactly("after");
    }
}
