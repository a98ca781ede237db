package dev.roost.hub.history;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.LongToDoubleFunction;

/** Readings stored in a data folder before a hub starts on it, for tests that need history to look at. */
public final class HistorySeed {

    private HistorySeed() {
    }

    /**
     * Readings of one topic's field every {@code every} over {@code span} up to now, rolled up as the hub would
     * have done.
     */
    public static void readings(Path dataDir, String topic, String field, Duration span, Duration every,
                                LongToDoubleFunction valueAtSecond) throws InterruptedException {
        MovableClock clock = new MovableClock(Instant.now().minus(span));
        try (HistoryFixture fixture = new HistoryFixture(dataDir, clock)) {
            var series = fixture.series(topic, field);
            fixture.feed(List.of(series), span.toSeconds(), every.toSeconds(), 3_600,
                    (id, second) -> valueAtSecond.applyAsDouble(second));
            fixture.history.upkeep().run(clock.instant().getEpochSecond());
        }
    }
}
