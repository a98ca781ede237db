package dev.roost.hub.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the history costs on an SD card: ten sensors reporting every ten seconds for 26 hours (longer than
 * readings are kept, so they are deleted as fast as they come) on a real H2 file, with the upkeep running as in
 * the hub.
 */
class HistorySizeTest {

    private static final Instant START = Instant.parse("2026-11-01T00:00:00Z");
    private static final long HOURS = 26;
    private static final int SENSORS = 10;
    private static final long STEP = 10;
    /** The hub runs its upkeep every minute; every five, when buckets are rolled up, changes the file as much. */
    private static final long UPKEEP_EVERY = 300;
    /** About 25 hours of readings (90,000 rows, some 3.2 MB) and the buckets so far. */
    private static final long MAX_BYTES = 5L << 20;

    @TempDir
    Path folder;

    @Test
    @Timeout(180)
    void tenSensorsEveryTenSecondsKeepTheFileSmall() throws Exception {
        MovableClock clock = new MovableClock(START);
        try (HistoryFixture fixture = new HistoryFixture(folder, clock)) {
            realTimeSpaceReuse(fixture);
            List<SeriesRegistry.Series> sensors = new ArrayList<>();
            for (int i = 0; i < SENSORS; i++) {
                sensors.add(fixture.series("home/sensor-" + i, "temperature"));
            }
            fixture.feed(sensors, HOURS * 3600, STEP, UPKEEP_EVERY, (series, second) -> 20 + series + (second % 600) / 100.0);

            long file = Files.size(fixture.database.file());
            System.out.printf("history of %d sensors every %d s after %d h: file %d bytes with %d readings and %d"
                    + " buckets%n", SENSORS, STEP, HOURS, file, fixture.rows("history_raw"),
                    fixture.rows("history_bucket"));
            assertThat(fixture.rows("history_raw") * STEP / SENSORS).isLessThanOrEqualTo(
                    HistoryUpkeep.RAW_KEPT.toSeconds() + UPKEEP_EVERY);
            assertThat(file).isLessThan(MAX_BYTES);
        }
    }

    /**
     * H2 reuses the space of deleted rows once no reader may need them, 45 s of wall-clock time by default. In
     * the hub that is 45 s of a day's readings; here hours pass in a second, so the test lets H2 reuse space at
     * once, as it effectively does over a real day.
     */
    private static void realTimeSpaceReuse(HistoryFixture fixture) throws Exception {
        try (var c = fixture.database.dataSource().getConnection(); var s = c.createStatement()) {
            s.execute("SET RETENTION_TIME 0");
        }
    }
}
