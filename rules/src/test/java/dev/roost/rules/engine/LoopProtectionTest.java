package dev.roost.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A rule that triggers itself is paused instead of flooding the broker. */
class LoopProtectionTest {

    private static final Instant START = Instant.parse("2026-11-25T08:00:00Z");

    @TempDir
    Path folder;

    @Test
    void ruleTriggeringItselfIsPausedWithAHistoryEntry() throws Exception {
        try (EngineFixture fixture = new EngineFixture(folder, START, new InProcessBus(), 5)) {
            fixture.load("""
                    id: echo
                    when: { topic: home/echo }
                    then:
                      - publish: { topic: home/echo, payload: again }
                    """);

            fixture.publish("home/echo", "start");

            // The first run is the test's message; five more are the rule's own echoes; the sixth echo pauses it.
            assertThat(fixture.commands("home/echo")).hasSize(1 + 1 + 5);
            assertThat(fixture.engine.status("echo")).hasValueSatisfying(status -> {
                assertThat(status.state()).isEqualTo(RuleStatus.State.PAUSED);
                assertThat(status.detail()).contains("more than 5 times within one second");
            });
            assertThat(fixture.runs("echo")).first().satisfies(run -> {
                assertThat(run.outcome()).isEqualTo(RunOutcome.PAUSED);
                assertThat(run.error()).contains("paused");
            });
        }
    }

    @Test
    void loopThroughAnotherRuleIsPausedToo() throws Exception {
        try (EngineFixture fixture = new EngineFixture(folder, START, new InProcessBus(), 5)) {
            fixture.load("""
                    id: ping
                    when: { topic: home/ping }
                    then: [ { publish: { topic: home/pong } } ]
                    """);
            fixture.load("""
                    id: pong
                    when: { topic: home/pong }
                    then: [ { publish: { topic: home/ping } } ]
                    """);

            fixture.publish("home/ping", "");

            assertThat(fixture.bus.published()).hasSizeLessThan(20);
            // pong is the first to be triggered by a rule's message more than five times, so it is paused.
            assertThat(fixture.engine.status("pong").orElseThrow().state()).isEqualTo(RuleStatus.State.PAUSED);
        }
    }

    @Test
    void aSensorFasterThanTheLimitIsNotALoop() throws Exception {
        try (EngineFixture fixture = new EngineFixture(folder, START, new InProcessBus(), 5)) {
            fixture.load("""
                    id: forward
                    when: { topic: home/fast-sensor }
                    then: [ { publish: { topic: home/forwarded, payload: '@{payload}' } } ]
                    """);

            for (int i = 0; i < 50; i++) {
                fixture.publish("home/fast-sensor", Integer.toString(i));
            }

            assertThat(fixture.engine.status("forward").orElseThrow().state()).isEqualTo(RuleStatus.State.ACTIVE);
            assertThat(fixture.commands("home/forwarded")).hasSize(50);
        }
    }

    @Test
    void busyButSlowerThanTheLimitIsNotALoop() throws Exception {
        try (EngineFixture fixture = new EngineFixture(folder, START, new InProcessBus(), 5)) {
            fixture.load("""
                    id: counter
                    when: { topic: home/pulse }
                    then: [ { log: pulse } ]
                    """);

            for (int i = 0; i < 50; i++) {
                fixture.publish("home/pulse", "x");
                fixture.scheduler.advance(Duration.ofMillis(250));
            }

            assertThat(fixture.engine.status("counter").orElseThrow().state()).isEqualTo(RuleStatus.State.ACTIVE);
            assertThat(fixture.runs("counter")).hasSize(50);
        }
    }

    @Test
    void savingThePausedRuleAgainResumesIt() throws Exception {
        try (EngineFixture fixture = new EngineFixture(folder, START, new InProcessBus(), 5)) {
            String echo = """
                    id: echo
                    when: { topic: home/echo }
                    then: [ { publish: { topic: home/echo, payload: again } } ]
                    """;
            fixture.load(echo);
            fixture.publish("home/echo", "x");
            assertThat(fixture.engine.status("echo").orElseThrow().state()).isEqualTo(RuleStatus.State.PAUSED);

            fixture.load(echo);

            assertThat(fixture.engine.status("echo").orElseThrow().state()).isEqualTo(RuleStatus.State.ACTIVE);
        }
    }
}
