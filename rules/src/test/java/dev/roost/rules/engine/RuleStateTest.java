package dev.roost.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What rules remember and read: variables, the latest state of topics, device availability. */
class RuleStateTest {

    private static final Instant START = Instant.parse("2026-11-25T08:00:00Z");

    @TempDir
    Path folder;

    @Test
    void variablesSurviveARestartOfTheHub() throws Exception {
        String counter = """
                id: doorbell-count
                when: { topic: home/doorbell }
                then:
                  - set: { var: count, value: "rule.vars.count == null ? 1 : rule.vars.count + 1" }
                  - publish: { topic: home/doorbell/count, payload: '@{rule.vars.count}' }
                """;
        try (EngineFixture before = new EngineFixture(folder, START)) {
            before.load(counter);
            before.publish("home/doorbell", "ring");
            before.publish("home/doorbell", "ring");
            assertThat(before.commands("home/doorbell/count")).containsExactly("1", "2");
        }
        try (EngineFixture after = new EngineFixture(folder, START)) {
            after.load(counter);
            after.publish("home/doorbell", "ring");

            assertThat(after.commands("home/doorbell/count")).containsExactly("3");
        }
    }

    @Test
    void conditionReadsTheLatestValueOfOtherTopics() throws Exception {
        InProcessBus bus = new InProcessBus();
        bus.publish("home/window", "closed".getBytes(), 0, true);
        try (EngineFixture fixture = new EngineFixture(folder, START, bus, 20)) {
            fixture.load("""
                    id: heat-if-window-closed
                    when: { topic: home/temperature }
                    if: value < 18 && state['home/window'] == 'closed'
                    then:
                      - publish: { topic: home/thermostat/set, payload: '{"state":"ON"}' }
                    """);

            fixture.publish("home/temperature", "17");
            fixture.publish("home/window", "open");
            fixture.publish("home/temperature", "16");

            assertThat(fixture.commands("home/thermostat/set")).containsExactly("{\"state\":\"ON\"}");
        }
    }

    @Test
    void deviceGoingOfflineFiresOnce() throws Exception {
        try (EngineFixture fixture = new EngineFixture(folder, START)) {
            fixture.load("""
                    id: lock-offline
                    when: { offline: smart-lock }
                    then:
                      - publish: { topic: home/alerts, payload: 'smart-lock is @{payload}' }
                    """);

            fixture.publish("home/smart-lock/availability", "online");
            fixture.publish("home/smart-lock/availability", "offline");
            fixture.publish("home/smart-lock/availability", "offline");

            assertThat(fixture.commands("home/alerts")).containsExactly("smart-lock is offline");
        }
    }

    @Test
    void changesTriggerIgnoresRepeatedPayloads() throws Exception {
        try (EngineFixture fixture = new EngineFixture(folder, START)) {
            fixture.load("""
                    id: lock-changed
                    when: { topic: home/smart-lock, changes: true }
                    then:
                      - log: 'lock is now @{value.state}'
                    """);

            for (String state : new String[] {"LOCK", "LOCK", "UNLOCK", "UNLOCK", "LOCK"}) {
                fixture.publish("home/smart-lock", "{\"state\":\"" + state + "\"}");
            }

            assertThat(fixture.runs("lock-changed")).extracting(run -> run.steps().get(0).detail())
                    .containsExactly("lock is now LOCK", "lock is now UNLOCK", "lock is now LOCK");
        }
    }

    @Test
    void ruleMayKeepAHundredVariablesAndTheNextSetFailsThatRunOnly() throws Exception {
        StringBuilder rule = new StringBuilder("id: hoarder\nwhen: { topic: home/a }\nthen:\n");
        for (int i = 0; i <= 100; i++) {
            rule.append("  - set: { var: v").append(i).append(", value: ").append(i).append(" }\n");
        }
        try (EngineFixture fixture = new EngineFixture(folder, START)) {
            fixture.load(rule.toString());

            fixture.publish("home/a", "x");

            assertThat(fixture.runs("hoarder")).singleElement().satisfies(run -> {
                assertThat(run.outcome()).isEqualTo(RunOutcome.FAILED);
                assertThat(run.error()).startsWith("then[100] (set): ").contains("100 variables");
                assertThat(run.steps()).hasSize(101);
            });
        }
    }
}
