package dev.roost.hub.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roost.hub.config.HistorySettings;
import dev.roost.web.history.HistoryPoint;
import dev.roost.web.history.HistorySeries;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the recorder takes from published messages into the store on a real H2 file. */
class HistoryRecorderTest {

    private static final Instant NOON = Instant.parse("2026-11-25T12:00:00Z");

    @TempDir
    Path folder;

    @Test
    void everyNumericFieldOfAStatePayloadAndABareNumberBecomeASeries() throws Exception {
        MovableClock clock = new MovableClock(NOON);
        try (HistoryFixture fixture = new HistoryFixture(folder, clock).recording()) {
            fixture.publish("home/climate", "{\"temperature\":21.5,\"humidity\":48,\"state\":\"ok\",\"inner\":{\"x\":1}}");
            fixture.publish("home/bare", "7.5");
            fixture.publish("home/lamp", "{\"state\":\"ON\"}");
            fixture.history.close();

            assertThat(fixture.history.source().series()).containsExactly(
                    new HistorySeries("home/bare", "value", NOON, 7.5),
                    new HistorySeries("home/climate", "humidity", NOON, 48),
                    new HistorySeries("home/climate", "temperature", NOON, 21.5));
            assertThat(fixture.points("home/climate", "temperature", NOON.minusSeconds(60), NOON, 100).points())
                    .containsExactly(HistoryPoint.reading(NOON, 21.5));
        }
    }

    @Test
    void commandsPresenceErrorsRetainedReplaysOtherTopicsAndLargePayloadsAreNotRecorded() throws Exception {
        MovableClock clock = new MovableClock(NOON);
        try (HistoryFixture fixture = new HistoryFixture(folder, clock).recording()) {
            fixture.publish("home/lights/set", "{\"brightness\":40}");
            fixture.publish("home/lights/availability", "1");
            fixture.publish("home/lights/error", "{\"code\":3}");
            fixture.publish("office/temperature", "20");
            fixture.publish("home/camera", "{\"size\":" + "1".repeat(HistoryRecorder.MAX_PAYLOAD) + "}");
            fixture.history.recorder().offer("home/kept", "20".getBytes(StandardCharsets.UTF_8), true);
            fixture.publish("home/text", "warm");
            fixture.history.close();

            assertThat(fixture.history.source().series()).isEmpty();
        }
    }

    @Test
    void aLaterReadingInTheSameSecondReplacesTheEarlierOne() throws Exception {
        MovableClock clock = new MovableClock(NOON);
        try (HistoryFixture fixture = new HistoryFixture(folder, clock).recording()) {
            fixture.publish("home/attic", "20.0");
            fixture.publish("home/attic", "20.5");
            clock.advance(Duration.ofSeconds(1));
            fixture.publish("home/attic", "21.0");
            fixture.history.close();

            assertThat(fixture.points("home/attic", "value", NOON, NOON.plusSeconds(1), 100).points())
                    .containsExactly(HistoryPoint.reading(NOON, 20.5), HistoryPoint.reading(NOON.plusSeconds(1), 21.0));
        }
    }

    @Test
    void aFullQueueDropsMessagesAndCountsThemInsteadOfWaiting() {
        // Never started, so nothing takes messages from its queue; only offer runs, as on the broker loop.
        HistoryRecorder recorder = new HistoryRecorder("home", null, null, null, new MovableClock(NOON));
        byte[] reading = "21.5".getBytes(StandardCharsets.UTF_8);

        for (int i = 0; i < HistoryRecorder.QUEUE + 5; i++) {
            recorder.offer("home/attic", reading, false);
        }

        assertThat(recorder.dropped()).isEqualTo(5);
    }

    @Test
    void noMoreSeriesThanTheLimitAreKept() throws Exception {
        MovableClock clock = new MovableClock(NOON);
        try (HistoryFixture fixture = new HistoryFixture(folder, clock, new HistorySettings(30, 2)).recording()) {
            fixture.publish("home/many", "{\"a\":1,\"b\":2,\"c\":3}");
            fixture.history.close();

            assertThat(fixture.history.source().series()).extracting(HistorySeries::field).containsExactly("a", "b");
        }
    }

    @Test
    void seriesAndReadingsOutlastARestart() throws Exception {
        MovableClock clock = new MovableClock(NOON);
        try (HistoryFixture fixture = new HistoryFixture(folder, clock).recording()) {
            fixture.publish("home/attic", "{\"temperature\":19.25}");
        }
        clock.advance(Duration.ofMinutes(10));
        try (HistoryFixture restarted = new HistoryFixture(folder, clock)) {
            assertThat(restarted.history.source().series())
                    .containsExactly(new HistorySeries("home/attic", "temperature", NOON, 19.25));
            assertThat(restarted.points("home/attic", "temperature", NOON.minusSeconds(3600), clock.instant(), 100)
                    .points()).containsExactly(HistoryPoint.reading(NOON, 19.25));
        }
    }
}
