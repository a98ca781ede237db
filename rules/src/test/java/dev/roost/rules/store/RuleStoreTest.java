package dev.roost.rules.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.roost.rules.engine.RunOutcome;
import dev.roost.rules.engine.RunRecord;
import dev.roost.rules.engine.StepOutcome;
import dev.roost.rules.engine.StepRecord;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleStoreTest {

    private static final Instant NOON = Instant.parse("2026-11-25T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOON, ZoneOffset.UTC);

    @TempDir
    Path folder;

    private static RunRecord run(String ruleId, Instant at, String payload) {
        return new RunRecord(ruleId, at, "topic home/temperature", "home/temperature", payload, true,
                RunOutcome.COMPLETED, null,
                List.of(new StepRecord(0, "publish", StepOutcome.DONE, "home/thermostat/set {\"state\":\"ON\"}",
                        at, 42)));
    }

    @Test
    void rulesAreSavedReplacedAndDeleted() throws Exception {
        try (TestDatabase db = TestDatabase.open(folder)) {
            RuleStore store = new RuleStore(db.dataSource());
            store.save(new StoredRule("b", "id: b", true, NOON));
            store.save(new StoredRule("a", "id: a", true, NOON));
            store.save(new StoredRule("a", "id: a # changed", false, NOON.plusSeconds(1)));

            assertThat(store.findAll()).containsExactly(
                    new StoredRule("a", "id: a # changed", false, NOON.plusSeconds(1)),
                    new StoredRule("b", "id: b", true, NOON));
            assertThat(store.delete("a")).isTrue();
            assertThat(store.delete("a")).isFalse();
            assertThat(store.find("a")).isEmpty();
        }
    }

    @Test
    void variablesSurviveReopeningTheDatabase() throws Exception {
        try (TestDatabase db = TestDatabase.open(folder)) {
            JdbcVariableStore variables = new JdbcVariableStore(db.dataSource());
            variables.save("heat", "count", 3);
            variables.save("heat", "last", Map.of("temperature", 17.5));
            variables.save("heat", "count", 4);
        }
        try (TestDatabase reopened = TestDatabase.open(folder)) {
            assertThat(new JdbcVariableStore(reopened.dataSource()).load("heat"))
                    .containsExactly(Map.entry("count", 4), Map.entry("last", Map.of("temperature", 17.5)));
        }
    }

    @Test
    void runsAreReadBackNewestFirstWithTheirSteps() throws Exception {
        try (TestDatabase db = TestDatabase.open(folder)) {
            JdbcRunHistory history = new JdbcRunHistory(db.dataSource(), Retention.defaults(), CLOCK);
            history.record(run("heat", NOON, "17.5"));
            RunRecord failed = new RunRecord("heat", NOON.plusSeconds(1), "cron 0 0 * * * *", null, null, null,
                    RunOutcome.FAILED, "if: division by zero", List.of());
            history.record(failed);

            assertThat(history.recent("heat", 10)).containsExactly(failed, run("heat", NOON, "17.5"));
        }
    }

    @Test
    void historyKeepsOnlyTheNewestRunsOfEachRule() throws Exception {
        try (TestDatabase db = TestDatabase.open(folder)) {
            JdbcRunHistory history = new JdbcRunHistory(db.dataSource(), new Retention(3, Duration.ofDays(1)),
                    Clock.fixed(NOON, ZoneOffset.UTC));
            for (int i = 0; i < 10; i++) {
                history.record(run("heat", NOON, String.valueOf(i)));
            }
            history.record(run("lights", NOON, "x"));

            assertThat(history.recent("heat", 100)).extracting(RunRecord::payloadExcerpt)
                    .containsExactly("9", "8", "7");
            assertThat(history.recent("lights", 100)).hasSize(1);
        }
    }

    @Test
    void historyDropsRunsOlderThanTheMaximumAge() throws Exception {
        try (TestDatabase db = TestDatabase.open(folder)) {
            JdbcRunHistory history = new JdbcRunHistory(db.dataSource(), new Retention(1000, Duration.ofDays(1)),
                    Clock.fixed(NOON, ZoneOffset.UTC));
            history.record(run("heat", NOON.minus(Duration.ofDays(2)), "old"));
            for (int i = 0; i < 100; i++) {
                history.record(run("lights", NOON, String.valueOf(i)));
            }

            assertThat(history.recent("heat", 10)).isEmpty();
            assertThat(history.recent("lights", 1000)).hasSize(100);
        }
    }

    @Test
    void deletingARuleDeletesItsVariablesAndRuns() throws Exception {
        try (TestDatabase db = TestDatabase.open(folder)) {
            RuleStore store = new RuleStore(db.dataSource());
            JdbcVariableStore variables = new JdbcVariableStore(db.dataSource());
            JdbcRunHistory history = new JdbcRunHistory(db.dataSource(), Retention.defaults(), CLOCK);
            store.save(new StoredRule("heat", "id: heat", true, NOON));
            variables.save("heat", "count", 1);
            history.record(run("heat", NOON, "1"));

            store.delete("heat");

            assertThat(variables.load("heat")).isEmpty();
            assertThat(history.recent("heat", 10)).isEmpty();
        }
    }

    @Test
    void variableTooLargeIsRefusedAndTheOldValueKept() throws Exception {
        try (TestDatabase db = TestDatabase.open(folder)) {
            JdbcVariableStore variables = new JdbcVariableStore(db.dataSource());
            variables.save("heat", "last", "small");

            assertThatIllegalArgumentException()
                    .isThrownBy(() -> variables.save("heat", "last", "x".repeat(JdbcVariableStore.MAX_VALUE_CHARS)))
                    .withMessageContaining("variable last").withMessageContaining("16384");
            assertThat(variables.load("heat")).containsExactly(Map.entry("last", "small"));
        }
    }
}
