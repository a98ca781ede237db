package dev.roost.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code for: 2s}: the condition must hold continuously that long before the actions run. */
class ForDurationTest {

    @TempDir
    Path folder;
    private EngineFixture fixture;

    @BeforeEach
    void start() throws Exception {
        fixture = new EngineFixture(folder, Instant.parse("2026-11-25T08:00:00Z"));
        fixture.load("""
                id: heat-when-cold
                when: { topic: home/temperature }
                if: value < 18
                for: 2s
                then:
                  - publish: { topic: home/thermostat/set, payload: '{"state":"ON"}' }
                """);
    }

    @AfterEach
    void stop() throws Exception {
        fixture.close();
    }

    @Test
    void firesOnlyOnceTheValueHeldForTwoSeconds() {
        fixture.publish("home/temperature", "17");
        fixture.scheduler.advance(Duration.ofMillis(1999));
        assertThat(fixture.commands("home/thermostat/set")).isEmpty();

        fixture.scheduler.advance(Duration.ofMillis(1));
        assertThat(fixture.commands("home/thermostat/set")).containsExactly("{\"state\":\"ON\"}");
    }

    @Test
    void furtherReadingsThatStillHoldDoNotRestartTheWait() {
        fixture.publish("home/temperature", "17");
        fixture.scheduler.advance(Duration.ofSeconds(1));
        fixture.publish("home/temperature", "16.5");
        fixture.scheduler.advance(Duration.ofSeconds(1));

        assertThat(fixture.commands("home/thermostat/set")).containsExactly("{\"state\":\"ON\"}");
    }

    @Test
    void valueThatStopsHoldingCancelsTheWait() {
        fixture.publish("home/temperature", "17");
        fixture.scheduler.advance(Duration.ofSeconds(1));
        fixture.publish("home/temperature", "19");
        fixture.scheduler.advance(Duration.ofSeconds(10));

        assertThat(fixture.commands("home/thermostat/set")).isEmpty();
        assertThat(fixture.runs("heat-when-cold")).singleElement()
                .satisfies(run -> assertThat(run.outcome()).isEqualTo(RunOutcome.CONDITION_FALSE));
    }

    @Test
    void conditionThatStaysFalseIsRecordedOnceWhenItTurnsFalse() {
        for (String reading : new String[] {"19", "19.5", "20", "17", "19", "21"}) {
            fixture.publish("home/temperature", reading);
        }

        assertThat(fixture.runs("heat-when-cold")).extracting(RunRecord::payloadExcerpt).containsExactly("19", "19");
    }

    @Test
    void thresholdWithForIsCancelledWhenTheReadingGoesBackPastTheHysteresis() {
        fixture.load("""
                id: frost
                when: { topic: home/outside, below: 0, hysteresis: 1 }
                for: 10m
                then:
                  - publish: { topic: home/alerts, payload: frost }
                """);

        fixture.publish("home/outside", "-0.5");
        fixture.scheduler.advance(Duration.ofMinutes(5));
        fixture.publish("home/outside", "0.5");
        fixture.scheduler.advance(Duration.ofMinutes(5));
        assertThat(fixture.commands("home/alerts")).as("still within the band: the wait goes on").containsExactly("frost");

        fixture.publish("home/outside", "1.5");
        fixture.publish("home/outside", "-2");
        fixture.scheduler.advance(Duration.ofMinutes(5));
        fixture.publish("home/outside", "1.5");
        fixture.scheduler.advance(Duration.ofMinutes(20));
        assertThat(fixture.commands("home/alerts")).as("went back past 0 + 1: the wait ended").containsExactly("frost");
    }
}
