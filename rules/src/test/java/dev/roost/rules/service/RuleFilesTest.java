package dev.roost.rules.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.roost.rules.model.RuleError;
import dev.roost.rules.model.RuleFormat;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** All rules as one YAML file: export, import, and the demo rule set. */
class RuleFilesTest {

    private static final Instant START = Instant.parse("2026-11-25T08:00:00Z");

    @TempDir
    Path folder;

    @Test
    void exportedRulesImportIntoAnotherHubAsTheyWere() throws Exception {
        String exported;
        try (ServiceFixture first = new ServiceFixture(folder.resolve("first"), START)) {
            first.service.create(RuleFormat.YAML, """
                    id: heat
                    # the living room
                    when: { topic: home/temperature, below: 18, hysteresis: 0.5 }
                    then: [ { publish: { topic: home/thermostat/set, payload: '{"state":"ON"}' } } ]
                    """);
            first.service.create(RuleFormat.JSON, """
                    {"id": "night", "when": {"cron": "0 0 23 * * *"}, "then": [{"log": "night"}]}""");
            first.service.setEnabled("night", false);
            exported = first.service.exportYaml();
        }
        try (ServiceFixture second = new ServiceFixture(folder.resolve("second"), START)) {
            assertThat(second.service.importYaml(exported)).isInstanceOf(ServiceResult.Ok.class);
            second.scheduler.runReady();

            assertThat(second.service.list()).extracting(RuleView::id, RuleView::enabled)
                    .containsExactly(tuple("heat", true),
                            tuple("night", false));
            second.publish("home/temperature", "17");
            assertThat(second.bus.payloadsOn("home/thermostat/set")).containsExactly("{\"state\":\"ON\"}");
            assertThat(second.service.exportYaml()).isEqualTo(exported);
        }
    }

    @Test
    void importWithOneBadRuleChangesNothingAndPointsAtTheMistake() throws Exception {
        try (ServiceFixture fixture = new ServiceFixture(folder, START)) {
            ServiceResult<List<RuleView>> result = fixture.service.importYaml("""
                    - id: fine
                      when: { topic: home/a }
                      then: [ { log: a } ]
                    - id: broken
                      when:
                        - { cron: "0 0 24 * * *" }
                      then: [ { log: b } ]
                    """);

            assertThat(result).isInstanceOf(ServiceResult.Invalid.class);
            assertThat(((ServiceResult.Invalid<?>) result).errors()).singleElement().satisfies(error -> {
                assertThat(error.field()).isEqualTo("[1].when[0].cron");
                assertThat(error.position().line()).isEqualTo(6);
            });
            assertThat(fixture.service.list()).isEmpty();
        }
    }

    @Test
    void importRefusesTwoRulesWithOneIdAndSandboxEscapes() throws Exception {
        try (ServiceFixture fixture = new ServiceFixture(folder, START)) {
            ServiceResult<List<RuleView>> result = fixture.service.importYaml("""
                    - id: twin
                      when: { topic: home/a }
                      then: [ { log: a } ]
                    - id: twin
                      when: { topic: home/b }
                      then: [ { log: b } ]
                    - id: escape
                      when: { topic: home/c }
                      if: "''.getClass() != null"
                      then: [ { log: c } ]
                    """);

            assertThat(((ServiceResult.Invalid<?>) result).errors()).extracting(RuleError::field)
                    .containsExactly("[1].id", "[2].if");
            assertThat(fixture.service.list()).isEmpty();
        }
    }

    @Test
    void demoRuleSetLoadsOnFirstStartOnlyAndPlaysTheClassicScene() throws Exception {
        try (ServiceFixture fixture = new ServiceFixture(folder, START)) {
            assertThat(fixture.service.loadDemoIfEmpty()).isTrue();
            assertThat(fixture.service.loadDemoIfEmpty()).isFalse();
            fixture.scheduler.runReady();

            fixture.publish("home/temperature", "21");
            fixture.publish("home/temperature", "17.5");
            fixture.publish("home/temperature", "{\"temperature\":17.5}");
            assertThat(fixture.bus.payloadsOn("home/thermostat/set"))
                    .containsExactly("{\"state\":\"OFF\"}", "{\"state\":\"ON\"}");

            fixture.publish("home/phone/door", "unlock");
            fixture.publish("home/smart-lock", "{\"state\":\"UNLOCK\"}");
            fixture.scheduler.advance(Duration.ofSeconds(30));
            assertThat(fixture.bus.payloadsOn("home/smart-lock/set"))
                    .containsExactly("{\"state\":\"UNLOCK\"}", "{\"state\":\"LOCK\"}");
            assertThat(fixture.bus.payloadsOn("home/smart-lights/set")).containsExactly("{\"brightness\":40}");

            // 08:00 UTC is 09:00 in Berlin; sunset is before 17:00 local time.
            fixture.scheduler.advance(Duration.ofHours(8));
            assertThat(fixture.bus.payloadsOn("home/smart-lights/set"))
                    .containsExactly("{\"brightness\":40}", "{\"state\":\"ON\",\"brightness\":40}");
            assertThat(fixture.service.list()).allSatisfy(rule -> assertThat(rule.status().detail()).isEmpty());
        }
    }
}
