package dev.roost.hub.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roost.hub.config.HistorySettings;
import dev.roost.web.history.HistoryPoint;
import dev.roost.web.history.HistoryPoints;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Readings rolled up into five-minute buckets, raw readings and buckets deleted as they age, and queries that
 * answer a day or a week with a chart's worth of points, on a real H2 file with a clock the test moves.
 */
class DownsamplingTest {

    private static final Instant START = Instant.parse("2026-11-01T00:00:00Z");
    private static final long DAY = 86_400;
    private static final long HOUR = 3_600;
    /** Every ten seconds, as a typical sensor reports. */
    private static final long STEP = 10;
    private static final Instant SPIKE = START.plusSeconds(3 * DAY + 5 * HOUR);

    /** 20 °C give or take 5 over a day, and one reading of 40 °C, which a week's chart must still show. */
    private static double temperature(int series, long second) {
        if (second == SPIKE.getEpochSecond()) {
            return 40;
        }
        return 20 + 5 * Math.sin(2 * Math.PI * (second % DAY) / DAY);
    }

    @TempDir
    Path folder;

    @Test
    void aWeekIsAnsweredFromBucketsWithTheLowestMeanAndHighestReadings() throws Exception {
        MovableClock clock = new MovableClock(START);
        try (HistoryFixture fixture = new HistoryFixture(folder, clock)) {
            var attic = fixture.series("home/attic", "temperature");
            fixture.feed(List.of(attic), 7 * DAY, STEP, HOUR, DownsamplingTest::temperature);
            Instant now = clock.instant();

            HistoryPoints week = fixture.points("home/attic", "temperature", now.minusSeconds(7 * DAY), now, 400);

            assertThat(week.points()).hasSizeBetween(300, 400);
            assertThat(week.bucketSeconds() % HistoryStore.BUCKET_SECONDS).isZero();
            assertThat(week.points()).allSatisfy(point -> {
                assertThat(point.min()).isNotNull().isGreaterThanOrEqualTo(15);
                assertThat(point.value()).isBetween(point.min(), point.max());
            });
            HistoryPoint withSpike = week.points().stream().filter(p -> !p.time().isAfter(SPIKE)
                    && p.time().plusSeconds(week.bucketSeconds()).isAfter(SPIKE)).findFirst().orElseThrow();
            assertThat(withSpike.max()).isEqualTo(40);
            assertThat(week.points().stream().filter(p -> p != withSpike).mapToDouble(HistoryPoint::max).max()
                    .orElseThrow()).isLessThanOrEqualTo(25);
            // The newest readings, not rolled up yet, are in the last point.
            assertThat(week.points().get(week.points().size() - 1).time())
                    .isAfter(now.minusSeconds(week.bucketSeconds() + HOUR));
        }
    }

    @Test
    void theLastDayIsAnsweredFromTheReadingsThemselves() throws Exception {
        MovableClock clock = new MovableClock(START);
        try (HistoryFixture fixture = new HistoryFixture(folder, clock)) {
            var attic = fixture.series("home/attic", "temperature");
            fixture.feed(List.of(attic), 2 * DAY, STEP, HOUR, DownsamplingTest::temperature);
            Instant now = clock.instant();

            HistoryPoints hour = fixture.points("home/attic", "temperature", now.minusSeconds(HOUR), now, 400);
            HistoryPoints day = fixture.points("home/attic", "temperature", now.minusSeconds(DAY), now, 400);

            assertThat(hour.bucketSeconds()).isZero();
            assertThat(hour.points()).hasSize((int) (HOUR / STEP)).allSatisfy(point -> {
                assertThat(point.min()).isNull();
                assertThat(point.value()).isEqualTo(temperature(attic.id(), point.time().getEpochSecond()));
            });
            assertThat(day.bucketSeconds()).isPositive().isLessThan(HistoryStore.BUCKET_SECONDS);
            assertThat(day.points()).hasSizeBetween(380, 400);
        }
    }

    @Test
    void readingsAreDeletedAfterADayAndBucketsAfterTheRetentionAndThenTheSeriesIsForgotten() throws Exception {
        MovableClock clock = new MovableClock(START);
        try (HistoryFixture fixture = new HistoryFixture(folder, clock, new HistorySettings(2, 500))) {
            var attic = fixture.series("home/attic", "temperature");
            fixture.feed(List.of(attic), 3 * DAY, STEP, HOUR, DownsamplingTest::temperature);

            long readings = fixture.rows("history_raw");
            long buckets = fixture.rows("history_bucket");
            assertThat(readings * STEP).isBetween(HistoryUpkeep.RAW_KEPT.toSeconds() - HOUR,
                    HistoryUpkeep.RAW_KEPT.toSeconds() + HOUR);
            assertThat(buckets * HistoryStore.BUCKET_SECONDS).isBetween(2 * DAY - HOUR, 2 * DAY + HOUR);
            Instant now = clock.instant();
            assertThat(fixture.points("home/attic", "temperature", now.minusSeconds(3 * DAY), now, 400).points())
                    .allSatisfy(point -> assertThat(point.time()).isAfter(now.minusSeconds(2 * DAY + HOUR)));

            clock.advance(Duration.ofDays(2).plusHours(1));
            fixture.history.upkeep().run(clock.instant().getEpochSecond());

            assertThat(fixture.rows("history_raw") + fixture.rows("history_bucket")).isZero();
            assertThat(fixture.history.source().series()).isEmpty();
            assertThat(fixture.rows("history_series")).isZero();
        }
    }

    @Test
    void readingsNotRolledUpWhenTheHubStoppedAreRolledUpAfterItStartsAgain() throws Exception {
        MovableClock clock = new MovableClock(START);
        try (HistoryFixture fixture = new HistoryFixture(folder, clock)) {
            var attic = fixture.series("home/attic", "temperature");
            // Two hours of readings, and the hub stops before its upkeep ran.
            fixture.feed(List.of(attic), 2 * HOUR, STEP, 10 * DAY, DownsamplingTest::temperature);
        }
        clock.advance(Duration.ofDays(3));
        try (HistoryFixture restarted = new HistoryFixture(folder, clock)) {
            restarted.history.upkeep().run(clock.instant().getEpochSecond());

            assertThat(restarted.rows("history_raw")).isZero();
            assertThat(restarted.rows("history_bucket")).isEqualTo(2 * HOUR / HistoryStore.BUCKET_SECONDS);
            HistoryPoints then = restarted.points("home/attic", "temperature", START, START.plusSeconds(2 * HOUR), 400);
            assertThat(then.points()).hasSize(24).first().satisfies(point -> {
                assertThat(point.time()).isEqualTo(START);
                assertThat(point.min()).isEqualTo(temperature(0, START.getEpochSecond()));
            });
        }
    }
}
