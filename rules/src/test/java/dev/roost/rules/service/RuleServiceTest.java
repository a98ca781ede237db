package dev.roost.rules.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roost.rules.engine.DryRunReport;
import dev.roost.rules.engine.RuleStatus;
import dev.roost.rules.engine.RunRecord;
import dev.roost.rules.engine.Sample;
import dev.roost.rules.model.RuleError;
import dev.roost.rules.model.RuleFormat;
import dev.roost.rules.store.RuleStore;
import dev.roost.rules.store.StoredRule;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleServiceTest {

    private static final Instant START = Instant.parse("2026-11-25T08:00:00Z");
    private static final String HEAT = """
            id: heat
            when: { topic: home/temperature }
            if: value < 18
            then:
              - set: { var: last, value: value }
              - publish: { topic: home/thermostat/set, payload: '{"state":"ON","at":@{value}}' }
            """;

    @TempDir
    Path folder;
    private ServiceFixture fixture;

    @BeforeEach
    void start() throws Exception {
        fixture = new ServiceFixture(folder, START);
    }

    @AfterEach
    void stop() throws Exception {
        fixture.close();
    }

    private static <T> T ok(ServiceResult<T> result) {
        assertThat(result).isInstanceOf(ServiceResult.Ok.class);
        return ((ServiceResult.Ok<T>) result).value();
    }

    private static List<RuleError> errors(ServiceResult<?> result) {
        assertThat(result).isInstanceOf(ServiceResult.Invalid.class);
        return ((ServiceResult.Invalid<?>) result).errors();
    }

    @Test
    void createdRuleRunsAtOnce() {
        RuleView created = ok(fixture.service.create(RuleFormat.YAML, HEAT));
        fixture.scheduler.runReady();

        fixture.publish("home/temperature", "17");

        assertThat(created.enabled()).isTrue();
        assertThat(fixture.bus.payloadsOn("home/thermostat/set")).containsExactly("{\"state\":\"ON\",\"at\":17}");
        assertThat(ok(fixture.service.get("heat")).status().state()).isEqualTo(RuleStatus.State.ACTIVE);
    }

    @Test
    void ruleInJsonIsAcceptedToo() {
        ok(fixture.service.create(RuleFormat.JSON, """
                {"id": "heat", "when": {"topic": "home/temperature"}, "then": [{"log": "@{value}"}]}"""));

        assertThat(fixture.service.list()).extracting(RuleView::id).containsExactly("heat");
    }

    @Test
    void sandboxEscapeIsRejectedWhenSavedWithFieldPositionAndConstruct() {
        List<RuleError> errors = errors(fixture.service.create(RuleFormat.YAML, """
                id: sneaky
                when: { topic: home/x }
                if: Runtime.getRuntime().exec('rm -rf /') == null
                then: [ { log: gotcha } ]
                """));

        assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("if");
            assertThat(error.position().line()).isEqualTo(3);
            assertThat(error.reason()).contains("line 1, column 1").contains("Runtime");
        });
        assertThat(fixture.service.list()).isEmpty();
    }

    @Test
    void refusedTemplateNamesItsAction() {
        List<RuleError> errors = errors(fixture.service.create(RuleFormat.YAML, """
                id: sneaky
                when: { topic: home/x }
                then:
                  - log: fine
                  - publish: { topic: home/y, payload: '@{new java.io.File("/etc/passwd")}' }
                """));

        assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("then[1].payload");
            assertThat(error.position().line()).isEqualTo(5);
        });
    }

    @Test
    void badRulesAreRejectedWithFieldAndPosition() {
        assertThat(errors(fixture.service.create(RuleFormat.YAML, """
                id: bad-cron
                when: { cron: "0 0 25 * * *" }
                then: [ { log: x } ]
                """))).singleElement().satisfies(error -> {
                    assertThat(error.field()).isEqualTo("when[0].cron");
                    assertThat(error.position().line()).isEqualTo(2);
                });
        assertThat(errors(fixture.service.create(RuleFormat.YAML, """
                id: bad-filter
                when: { topic: "home/#/x" }
                then: [ { log: x } ]
                """))).extracting(RuleError::field).containsExactly("when[0].topic");
        assertThat(errors(fixture.service.create(RuleFormat.YAML, """
                id: bad-kind
                when: { webhook: x }
                then: [ { log: x } ]
                """))).singleElement().satisfies(error -> {
                    assertThat(error.field()).isEqualTo("when[0]");
                    assertThat(error.position().line()).isEqualTo(2);
                });
        assertThat(errors(fixture.service.create(RuleFormat.YAML, """
                id: bad-syntax
                if: value <
                when: { topic: home/x }
                then: [ { log: x } ]
                """))).singleElement().satisfies(error -> assertThat(error.field()).isEqualTo("if"));
        assertThat(fixture.service.list()).isEmpty();
    }

    @Test
    void secondRuleWithTheSameIdIsRefused() {
        ok(fixture.service.create(RuleFormat.YAML, HEAT));

        assertThat(errors(fixture.service.create(RuleFormat.YAML, HEAT))).extracting(RuleError::field).containsExactly("id");
    }

    @Test
    void updateReplacesTheRuleButMayNotChangeItsId() {
        ok(fixture.service.create(RuleFormat.YAML, HEAT));

        ok(fixture.service.update("heat", RuleFormat.YAML, HEAT.replace("value < 18", "value < 10")));
        fixture.scheduler.runReady();
        fixture.publish("home/temperature", "17");

        assertThat(fixture.bus.payloadsOn("home/thermostat/set")).isEmpty();
        assertThat(errors(fixture.service.update("heat", RuleFormat.YAML, HEAT.replace("id: heat", "id: cool"))))
                .extracting(RuleError::field).containsExactly("id");
        assertThat(fixture.service.update("nope", RuleFormat.YAML, HEAT)).isInstanceOf(ServiceResult.NotFound.class);
    }

    @Test
    void disabledRuleDoesNotRunUntilEnabledAgain() {
        ok(fixture.service.create(RuleFormat.YAML, HEAT));
        assertThat(ok(fixture.service.setEnabled("heat", false)).enabled()).isFalse();
        fixture.scheduler.runReady();

        fixture.publish("home/temperature", "17");
        assertThat(fixture.bus.payloadsOn("home/thermostat/set")).isEmpty();
        assertThat(ok(fixture.service.get("heat")).status().state()).isEqualTo(RuleStatus.State.DISABLED);

        ok(fixture.service.setEnabled("heat", true));
        fixture.scheduler.runReady();
        fixture.publish("home/temperature", "16");
        assertThat(fixture.bus.payloadsOn("home/thermostat/set")).hasSize(1);
    }

    @Test
    void deletedRuleStopsAndIsGone() {
        ok(fixture.service.create(RuleFormat.YAML, HEAT));
        ok(fixture.service.delete("heat"));
        fixture.scheduler.runReady();

        fixture.publish("home/temperature", "17");

        assertThat(fixture.bus.payloadsOn("home/thermostat/set")).isEmpty();
        assertThat(fixture.service.get("heat")).isInstanceOf(ServiceResult.NotFound.class);
        assertThat(fixture.service.runs("heat", 10)).isInstanceOf(ServiceResult.NotFound.class);
        assertThat(fixture.service.delete("heat")).isInstanceOf(ServiceResult.NotFound.class);
    }

    @Test
    void dryRunReportsWhatWouldHappenAndChangesNothing() {
        ok(fixture.service.create(RuleFormat.YAML, HEAT));
        fixture.scheduler.runReady();

        DryRunReport report = ok(fixture.service.test("heat", new Sample("home/temperature", "17", Map.of())));

        assertThat(report.triggered()).isTrue();
        assertThat(report.conditionResult()).isTrue();
        assertThat(report.error()).isNull();
        assertThat(report.steps()).extracting(step -> step.detail()).containsExactly(
                "would set last = 17", "would publish home/thermostat/set {\"state\":\"ON\",\"at\":17}");
        assertThat(fixture.bus.published()).isEmpty();
        assertThat(ok(fixture.service.runs("heat", 10))).isEmpty();
        DryRunReport again = ok(fixture.service.test("heat", new Sample("home/temperature", "19", Map.of())));
        assertThat(again.conditionResult()).isFalse();
        assertThat(errors(fixture.service.test("heat", new Sample("home/+", "17", Map.of()))))
                .extracting(RuleError::field).containsExactly("topic");
        DryRunReport elsewhere = ok(fixture.service.test("heat", new Sample("home/humidity", "50", Map.of())));
        assertThat(elsewhere.triggered()).isFalse();
        assertThat(elsewhere.error()).contains("no trigger");
    }

    @Test
    void dryRunOfATimedRuleActsAsIfItsTimeHadCome() {
        ok(fixture.service.create(RuleFormat.YAML, """
                id: evening
                when: { cron: "0 30 18 * * *" }
                if: state['home/smart-lock'].state == 'UNLOCK'
                then:
                  - publish: { topic: home/smart-lock/set, payload: '{"state":"LOCK"}' }
                  - delay: 1m
                  - log: locked
                """));

        DryRunReport report = ok(fixture.service.test("evening",
                new Sample(null, null, Map.of("home/smart-lock", "{\"state\":\"UNLOCK\"}"))));

        assertThat(report.triggers()).containsExactly("cron 0 30 18 * * *");
        assertThat(report.conditionResult()).isTrue();
        assertThat(report.steps()).extracting(step -> step.detail()).containsExactly(
                "would publish home/smart-lock/set {\"state\":\"LOCK\"}", "would wait PT1M", "would log locked");
        assertThat(fixture.bus.published()).isEmpty();
    }

    @Test
    void runsAnswerWhatHappened() {
        ok(fixture.service.create(RuleFormat.YAML, HEAT));
        fixture.scheduler.runReady();
        fixture.publish("home/temperature", "17");
        fixture.publish("home/temperature", "20");

        List<RunRecord> runs = ok(fixture.service.runs("heat", 10));

        assertThat(runs).extracting(RunRecord::payloadExcerpt).containsExactly("20", "17");
        assertThat(runs).extracting(RunRecord::conditionResult).containsExactly(false, true);
    }

    @Test
    void rulesAndVariablesSurviveARestart() throws Exception {
        ok(fixture.service.create(RuleFormat.YAML, HEAT));
        fixture.scheduler.runReady();
        fixture.publish("home/temperature", "17");
        fixture.close();

        fixture = new ServiceFixture(folder, START);
        fixture.publish("home/temperature", "16");
        ok(fixture.service.update("heat", RuleFormat.YAML, """
                id: heat
                when: { topic: home/temperature }
                then:
                  - publish: { topic: home/thermostat/previous, payload: '@{rule.vars.last}' }
                """));
        fixture.scheduler.runReady();
        fixture.publish("home/temperature", "15");

        assertThat(fixture.service.list()).extracting(RuleView::id).containsExactly("heat");
        assertThat(fixture.bus.payloadsOn("home/thermostat/set")).containsExactly("{\"state\":\"ON\",\"at\":16}");
        assertThat(fixture.bus.payloadsOn("home/thermostat/previous")).containsExactly("16");
    }

    @Test
    void storedRuleThatNoLongerCompilesShowsWhyAndCanBeFixed() throws Exception {
        // As if written by an older version whose sandbox allowed more.
        new RuleStore(fixture.database.dataSource()).save(new StoredRule("old", """
                id: old
                when: { topic: home/x }
                if: System.currentTimeMillis() > 0
                then: [ { publish: { topic: home/y, payload: ran } } ]
                """, true, START));
        fixture.close();
        fixture = new ServiceFixture(folder, START);

        RuleView old = ok(fixture.service.get("old"));
        assertThat(old.status().state()).isEqualTo(RuleStatus.State.INVALID);
        assertThat(old.status().detail()).startsWith("if: ").contains("System");
        assertThat(fixture.service.setEnabled("old", true)).isInstanceOf(ServiceResult.Invalid.class);

        ok(fixture.service.update("old", RuleFormat.YAML, """
                id: old
                when: { topic: home/x }
                then: [ { publish: { topic: home/y, payload: ran } } ]
                """));
        fixture.scheduler.runReady();
        fixture.publish("home/x", "1");
        assertThat(fixture.bus.payloadsOn("home/y")).containsExactly("ran");
    }
}
