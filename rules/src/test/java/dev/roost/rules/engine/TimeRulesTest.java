package dev.roost.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import dev.roost.rules.trigger.Location;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cron and sun triggers, on a clock the test moves. */
class TimeRulesTest {

    @TempDir
    Path folder;

    private static ZonedDateTime berlin(int day, int hour, int minute, int second) {
        return ZonedDateTime.of(2026, 11, day, hour, minute, second, 0, EngineFixture.BERLIN);
    }

    @Test
    void cronRuleFiresAtItsSecondEveryDay() throws Exception {
        try (EngineFixture fixture = new EngineFixture(folder, berlin(25, 18, 29, 58).toInstant())) {
            fixture.load("""
                    id: lock-in-the-evening
                    when: { cron: "0 30 18 * * *" }
                    then:
                      - publish: { topic: home/smart-lock/set, payload: '{"state":"LOCK"}' }
                    """);

            fixture.scheduler.advance(Duration.ofSeconds(1));
            assertThat(fixture.commands("home/smart-lock/set")).isEmpty();

            fixture.scheduler.advance(Duration.ofSeconds(1));
            assertThat(fixture.commands("home/smart-lock/set")).hasSize(1);

            fixture.scheduler.advance(Duration.ofDays(2));
            assertThat(fixture.commands("home/smart-lock/set")).hasSize(3);
            assertThat(fixture.runs("lock-in-the-evening")).first()
                    .satisfies(run -> assertThat(run.startedAt()).isEqualTo(berlin(27, 18, 30, 0).toInstant()));
        }
    }

    @Test
    void sunsetRuleSwitchesTheLightsOnAtSunsetWithItsOffset() throws Exception {
        try (EngineFixture fixture = new EngineFixture(folder, berlin(25, 9, 0, 0).toInstant())) {
            fixture.load("""
                    id: lights-at-sunset
                    when: { sun: sunset, offset: -15m }
                    then:
                      - publish: { topic: home/smart-lights/set, payload: '{"state":"ON","brightness":40}' }
                    """);

            fixture.scheduler.advanceTo(berlin(25, 15, 30, 0).toInstant());
            assertThat(fixture.commands("home/smart-lights/set")).isEmpty();

            fixture.scheduler.advanceTo(berlin(25, 16, 0, 0).toInstant());
            assertThat(fixture.commands("home/smart-lights/set")).containsExactly("{\"state\":\"ON\",\"brightness\":40}");
            // Sunset in Berlin on 25 November is about 16:00, so 15 minutes earlier is about 15:45.
            assertThat(fixture.runs("lights-at-sunset")).singleElement().satisfies(run -> {
                assertThat(run.trigger()).isEqualTo("sunset -15m");
                assertThat(Duration.between(berlin(25, 15, 45, 0).toInstant(), run.startedAt()).abs())
                        .isLessThan(Duration.ofMinutes(5));
            });

            fixture.scheduler.advanceTo(berlin(26, 16, 0, 0).toInstant());
            assertThat(fixture.commands("home/smart-lights/set")).hasSize(2);
        }
    }

    @Test
    void unloadedRuleNoLongerFires() throws Exception {
        try (EngineFixture fixture = new EngineFixture(folder, berlin(25, 9, 0, 0).toInstant())) {
            fixture.load("""
                    id: hourly
                    when: { cron: "0 0 * * * *" }
                    then: [ { log: tick } ]
                    """);
            fixture.engine.unload("hourly");
            fixture.scheduler.runReady();

            fixture.scheduler.advance(Duration.ofHours(3));

            assertThat(fixture.runs("hourly")).isEmpty();
            assertThat(fixture.scheduler.pendingMoments()).isEmpty();
        }
    }

    @Test
    void movingTheHubArmsASunriseRuleForTheNewPlaceAndItsTimeZone() throws Exception {
        try (EngineFixture fixture = new EngineFixture(folder, berlin(25, 12, 0, 0).toInstant())) {
            fixture.load("""
                    id: wake-up
                    when: { sun: sunrise }
                    then:
                      - publish: { topic: home/smart-lights/set, payload: '{"state":"ON"}' }
                    """);
            Instant inBerlin = fixture.engine.nextRun("wake-up").orElseThrow();

            ZoneId newYork = ZoneId.of("America/New_York");
            fixture.engine.relocate(new Location(40.71, -74.01, newYork));
            fixture.scheduler.runReady();

            Instant inNewYork = fixture.engine.nextRun("wake-up").orElseThrow();
            // At noon in Berlin it is 06:00 in New York, where the sun rises at about 06:55 that same day; in
            // Berlin it rises next at about 07:50 the day after.
            assertThat(inBerlin.atZone(EngineFixture.BERLIN).toLocalDate()).isEqualTo(LocalDate.of(2026, 11, 26));
            assertThat(inNewYork.atZone(newYork).toLocalDate()).isEqualTo(LocalDate.of(2026, 11, 25));
            assertThat(inNewYork.atZone(newYork).getHour()).isEqualTo(6);
            assertThat(fixture.engine.location().zone()).isEqualTo(newYork);

            fixture.scheduler.advanceTo(inNewYork.plus(Duration.ofMinutes(1)));
            assertThat(fixture.commands("home/smart-lights/set")).hasSize(1);
            assertThat(fixture.engine.nextRun("wake-up")).hasValueSatisfying(next ->
                    assertThat(next.atZone(newYork).toLocalDate()).isEqualTo(LocalDate.of(2026, 11, 26)));
            fixture.scheduler.advanceTo(inBerlin.plus(Duration.ofMinutes(1)));
            assertThat(fixture.commands("home/smart-lights/set")).hasSize(1);

            fixture.engine.unload("wake-up");
            fixture.scheduler.runReady();
            assertThat(fixture.engine.nextRun("wake-up")).isEmpty();
        }
    }
}
