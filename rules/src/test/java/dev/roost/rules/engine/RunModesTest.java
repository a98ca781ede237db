package dev.roost.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a rule does when it triggers again while a run waits in a delay: single, restart, queued. */
class RunModesTest {

    private static final String MOTION_LIGHT = """
            id: hall-light
            when: { topic: home/hall/motion }
            then:
              - publish: { topic: home/smart-lights/set, payload: '{"state":"ON","n":"@{payload}"}' }
              - delay: 5m
              - publish: { topic: home/smart-lights/set, payload: '{"state":"OFF","n":"@{payload}"}' }
            mode: %s
            """;

    @TempDir
    Path folder;

    @Test
    void restartCancelsThePendingDelayAndStartsOver() throws Exception {
        try (EngineFixture fixture = new EngineFixture(folder, Instant.parse("2026-11-25T20:00:00Z"))) {
            fixture.load(MOTION_LIGHT.formatted("restart"));

            fixture.publish("home/hall/motion", "1");
            fixture.scheduler.advance(Duration.ofMinutes(3));
            fixture.publish("home/hall/motion", "2");
            fixture.scheduler.advance(Duration.ofMinutes(3));

            // The first run's OFF (due at minute 5) never came.
            assertThat(fixture.commands("home/smart-lights/set"))
                    .containsExactly("{\"state\":\"ON\",\"n\":\"1\"}", "{\"state\":\"ON\",\"n\":\"2\"}");

            fixture.scheduler.advance(Duration.ofMinutes(3));
            assertThat(fixture.commands("home/smart-lights/set")).endsWith("{\"state\":\"OFF\",\"n\":\"2\"}").hasSize(3);
            assertThat(fixture.runs("hall-light")).extracting(RunRecord::outcome)
                    .containsExactly(RunOutcome.COMPLETED, RunOutcome.CANCELLED);
            assertThat(fixture.runs("hall-light").get(1).steps()).last().satisfies(step -> {
                assertThat(step.action()).isEqualTo("delay");
                assertThat(step.outcome()).isEqualTo(StepOutcome.CANCELLED);
                assertThat(step.durationMicros()).isEqualTo(Duration.ofMinutes(3).toNanos() / 1000);
            });
        }
    }

    @Test
    void singleIgnoresTriggersWhileARunIsGoing() throws Exception {
        try (EngineFixture fixture = new EngineFixture(folder, Instant.parse("2026-11-25T20:00:00Z"))) {
            fixture.load(MOTION_LIGHT.formatted("single"));

            fixture.publish("home/hall/motion", "1");
            fixture.scheduler.advance(Duration.ofMinutes(3));
            fixture.publish("home/hall/motion", "2");
            fixture.scheduler.advance(Duration.ofMinutes(3));

            assertThat(fixture.commands("home/smart-lights/set"))
                    .containsExactly("{\"state\":\"ON\",\"n\":\"1\"}", "{\"state\":\"OFF\",\"n\":\"1\"}");
            assertThat(fixture.runs("hall-light")).extracting(RunRecord::outcome)
                    .containsExactly(RunOutcome.COMPLETED, RunOutcome.SKIPPED);
        }
    }

    @Test
    void queuedRunsOneAfterTheOtherInTriggerOrder() throws Exception {
        try (EngineFixture fixture = new EngineFixture(folder, Instant.parse("2026-11-25T20:00:00Z"))) {
            fixture.load(MOTION_LIGHT.formatted("queued"));

            fixture.publish("home/hall/motion", "1");
            fixture.publish("home/hall/motion", "2");
            fixture.scheduler.advance(Duration.ofMinutes(10));

            assertThat(fixture.commands("home/smart-lights/set")).containsExactly(
                    "{\"state\":\"ON\",\"n\":\"1\"}", "{\"state\":\"OFF\",\"n\":\"1\"}",
                    "{\"state\":\"ON\",\"n\":\"2\"}", "{\"state\":\"OFF\",\"n\":\"2\"}");
        }
    }

    @Test
    void failingActionStopsThatRunOnlyAndIsRecorded() throws Exception {
        try (EngineFixture fixture = new EngineFixture(folder, Instant.parse("2026-11-25T20:00:00Z"))) {
            fixture.load("""
                    id: fragile
                    when: { topic: home/doorbell }
                    then:
                      - publish: { topic: home/a, payload: first }
                      - publish: { topic: home/b, payload: '@{payload.substring(1000)}' }
                      - publish: { topic: home/c, payload: never }
                    """);

            fixture.publish("home/doorbell", "ring");
            fixture.publish("home/doorbell", "ring");

            assertThat(fixture.commands("home/a")).hasSize(2);
            assertThat(fixture.commands("home/b")).isEmpty();
            assertThat(fixture.commands("home/c")).isEmpty();
            assertThat(fixture.runs("fragile")).hasSize(2).allSatisfy(run -> {
                assertThat(run.outcome()).isEqualTo(RunOutcome.FAILED);
                assertThat(run.error()).startsWith("then[1] (publish): ");
                assertThat(run.steps()).extracting(StepRecord::outcome)
                        .containsExactly(StepOutcome.DONE, StepOutcome.FAILED);
            });
        }
    }

    @Test
    void conditionThatFailsIsRecordedAndTheRuleRunsOnTheNextTrigger() throws Exception {
        try (EngineFixture fixture = new EngineFixture(folder, Instant.parse("2026-11-25T20:00:00Z"))) {
            fixture.load("""
                    id: heat
                    when: { topic: home/temperature }
                    if: value.temperature < 18
                    then:
                      - publish: { topic: home/thermostat/set, payload: '{"state":"ON"}' }
                    """);

            fixture.publish("home/temperature", "hot");
            fixture.publish("home/temperature", "{\"temperature\":17}");

            assertThat(fixture.commands("home/thermostat/set")).containsExactly("{\"state\":\"ON\"}");
            assertThat(fixture.runs("heat")).extracting(RunRecord::outcome)
                    .containsExactly(RunOutcome.COMPLETED, RunOutcome.FAILED);
            assertThat(fixture.runs("heat").get(1).error()).startsWith("if: ");
        }
    }
}
