package dev.roost.rules.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleParserTest {

    /** The example of ARCHITECTURE.md, "Rules (shape, YAML/JSON)", comments included. */
    private static final String ARCHITECTURE_EXAMPLE_YAML = """
            id: heat-when-cold
            when: { topic: home/temperature }          # or { cron: "0 30 18 * * *" } or { sun: sunset, offset: -15m }
            if: value.temperature < 18                 # MVEL, sandboxed; value = parsed payload (number, map, string)
            for: 5m                                    # optional: condition must hold this long
            then:
              - publish: { topic: home/thermostat/set, payload: '{"mode":"heat"}', qos: 1 }
            mode: single                               # single | restart | queued
            """;

    private static final String ARCHITECTURE_EXAMPLE_JSON = """
            {
              "id": "heat-when-cold",
              "when": {"topic": "home/temperature"},
              "if": "value.temperature < 18",
              "for": "5m",
              "then": [
                {"publish": {"topic": "home/thermostat/set", "payload": "{\\"mode\\":\\"heat\\"}", "qos": 1}}
              ],
              "mode": "single"
            }
            """;

    private static final Rule HEAT_WHEN_COLD = new Rule(
            "heat-when-cold",
            "heat-when-cold",
            true,
            List.of(new TopicTrigger("home/temperature", false)),
            "value.temperature < 18",
            Duration.ofMinutes(5),
            List.of(new PublishAction("home/thermostat/set", "{\"mode\":\"heat\"}", 1, false)),
            Mode.SINGLE);

    private final RuleParser parser = new RuleParser();

    @Test
    void architectureExampleInYamlReadsAsTheExpectedRule() {
        RuleParseResult result = parser.parseYaml(ARCHITECTURE_EXAMPLE_YAML);

        assertThat(result.errors()).isEmpty();
        assertThat(result.rule()).contains(HEAT_WHEN_COLD);
        assertThat(result.isValid()).isTrue();
    }

    @Test
    void architectureExampleInJsonReadsAsTheSameRule() {
        RuleParseResult result = parser.parseJson(ARCHITECTURE_EXAMPLE_JSON);

        assertThat(result.errors()).isEmpty();
        assertThat(result.rule()).contains(HEAT_WHEN_COLD);
    }

    @Test
    void everyTriggerAndActionKindIsRead() {
        RuleParseResult result = parser.parseYaml("""
                id: evening-lights
                name: Evening lights
                enabled: false
                when:
                  - { topic: home/+/motion, changes: true }
                  - { cron: "0 30 18 * * *" }
                  - { sun: sunset, offset: -15m }
                  - { topic: home/temperature, below: 18, hysteresis: 0.5, field: temperature }
                  - { offline: smart-lock }
                then:
                  - set: { var: lit, value: "true" }
                  - delay: 1h30m
                  - log: lights on for the evening
                  - publish: { topic: home/smart-lights/set, payload: '{"state":"OFF"}', qos: 2, retain: true }
                mode: restart
                """);

        assertThat(result.errors()).isEmpty();
        assertThat(result.rule()).contains(new Rule(
                "evening-lights",
                "Evening lights",
                false,
                List.of(new TopicTrigger("home/+/motion", true),
                        new CronTrigger("0 30 18 * * *"),
                        new SunTrigger(SunEvent.SUNSET, Duration.ofMinutes(-15)),
                        new TopicTrigger("home/temperature", false, null, 18.0, 0.5, "temperature"),
                        new OfflineTrigger("smart-lock")),
                null,
                Duration.ZERO,
                List.of(new SetAction("lit", "true"),
                        new DelayAction(Duration.ofMinutes(90)),
                        new LogAction("lights on for the evening"),
                        new PublishAction("home/smart-lights/set", "{\"state\":\"OFF\"}", 2, true)),
                Mode.RESTART));
    }

    @Test
    void omittedOptionalKeysTakeTheirDefaults() {
        Rule rule = parser.parseYaml("""
                id: lock-at-night
                when: { cron: "0 0 23 * * *" }
                then: { publish: { topic: home/smart-lock/set } }
                """).rule().orElseThrow();

        assertThat(rule.name()).isEqualTo("lock-at-night");
        assertThat(rule.enabled()).isTrue();
        assertThat(rule.condition()).isNull();
        assertThat(rule.forDuration()).isEqualTo(Duration.ZERO);
        assertThat(rule.mode()).isEqualTo(Mode.SINGLE);
        assertThat(rule.then()).containsExactly(new PublishAction("home/smart-lock/set", "", 0, false));
    }

    @Test
    void unknownModeIsReportedOnTheModeFieldWithItsLine() {
        RuleParseResult result = parser.parseYaml("""
                id: heat-when-cold
                when: { topic: home/temperature }
                then:
                  - log: cold
                mode: parallel
                """);

        assertThat(result.rule()).isEmpty();
        assertThat(result.errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("mode");
            assertThat(error.reason()).contains("'parallel'").contains("single, restart, queued");
            assertThat(error.position().line()).isEqualTo(5);
        });
    }

    @Test
    void yamlSyntaxErrorReportsItsLineAndColumn() {
        RuleParseResult result = parser.parseYaml("""
                id: heat-when-cold
                when: { topic: home/temperature }
                then:
                  - log: cold
                 mode: single
                """);

        assertThat(result.rule()).isEmpty();
        assertThat(result.errors()).singleElement().satisfies(error -> {
            assertThat(error.reason()).startsWith("syntax error").doesNotContain("^");
            assertThat(error.position()).isEqualTo(new SourcePosition(5, 2));
        });
    }

    @Test
    void jsonSyntaxErrorReportsItsLine() {
        RuleParseResult result = parser.parseJson("{\n  \"id\": \"a\",\n  \"when\": {\"topic\": \"x\"}\n  \"then\": []\n}");

        assertThat(result.errors()).singleElement().satisfies(error -> {
            assertThat(error.reason()).startsWith("syntax error");
            assertThat(error.position().line()).isEqualTo(4);
        });
    }

    @Test
    void misspelledKeyIsReportedByNameAndLine() {
        RuleParseResult result = parser.parseYaml("""
                id: heat-when-cold
                when: { topic: home/temperature }
                thne:
                  - log: cold
                """);

        assertThat(result.errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("thne");
            assertThat(error.reason()).isEqualTo("unknown field 'thne'");
            assertThat(error.position().line()).isEqualTo(3);
        });
    }

    @Test
    void misspelledKeyInsideAnActionIsReportedAtItsOwnLine() {
        RuleParseResult result = parser.parseYaml("""
                id: heat-when-cold
                when: { topic: home/temperature }
                then:
                  - publish:
                      topic: home/thermostat/set
                      qso: 1
                      retain: true
                """);

        assertThat(result.errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("then[0].qso");
            assertThat(error.position()).isEqualTo(new SourcePosition(6, 7));
        });
    }

    @Test
    void keyWrittenTwiceIsReported() {
        RuleParseResult result = parser.parseYaml("""
                id: heat-when-cold
                id: heat-when-warm
                when: { topic: home/temperature }
                then: [ { log: x } ]
                """);

        assertThat(result.errors()).singleElement()
                .satisfies(error -> assertThat(error.position().line()).isEqualTo(2));
    }

    @Test
    void malformedDurationIsReportedOnItsField() {
        RuleParseResult result = parser.parseYaml("""
                id: heat-when-cold
                when: { topic: home/temperature }
                for: five minutes
                then: [ { log: cold } ]
                """);

        assertThat(result.errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("for");
            assertThat(error.reason()).contains("'five minutes'");
            assertThat(error.position().line()).isEqualTo(3);
        });
    }

    @Test
    void unknownActionKindIsReportedWithTheKnownKinds() {
        RuleParseResult result = parser.parseYaml("""
                id: heat-when-cold
                when: { topic: home/temperature }
                then:
                  - log: cold
                  - email: { to: me }
                """);

        assertThat(result.errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("then[1]");
            assertThat(error.reason()).contains("'email'").contains("publish, delay, set, log");
            assertThat(error.position().line()).isEqualTo(5);
        });
    }

    @Test
    void triggerWithoutAKnownKeyIsReported() {
        RuleParseResult result = parser.parseYaml("""
                id: heat-when-cold
                when: { at: "18:30" }
                then: [ { log: cold } ]
                """);

        assertThat(result.errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("when[0]");
            assertThat(error.reason()).isEqualTo("a trigger needs exactly one of: topic, cron, sun, offline");
        });
    }

    @Test
    void readableButInvalidRuleIsReturnedWithItsValidationErrors() {
        RuleParseResult result = parser.parseYaml("""
                id: Heat When Cold
                when: { topic: home/temperature }
                then:
                  - publish: { topic: home/thermostat/set, qos: 3 }
                """);

        assertThat(result.rule()).isPresent();
        assertThat(result.isValid()).isFalse();
        assertThat(result.errors()).extracting(RuleError::field).containsExactly("id", "then[0].qos");
    }

    @Test
    void emptyDocumentIsReported() {
        RuleParseResult result = parser.parseYaml("# nothing here\n");

        assertThat(result.rule()).isEmpty();
        assertThat(result.errors()).extracting(RuleError::reason).containsExactly("the document is empty");
    }

    @Test
    void badCronIsReportedOnItsFieldWithItsLine() {
        RuleParseResult result = parser.parseYaml("""
                id: lights-out
                when:
                  - { topic: home/temperature }
                  - { cron: "0 61 23 * * *" }
                then: [ { log: late } ]
                """);

        assertThat(result.errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("when[1].cron");
            assertThat(error.reason()).contains("'0 61 23 * * *'");
            assertThat(error.position()).isEqualTo(new SourcePosition(4, 7));
        });
    }

    @Test
    void badTopicFilterIsReportedOnItsFieldWithItsLine() {
        RuleParseResult result = parser.parseYaml("""
                id: motion
                when: { topic: "home/#/motion" }
                then: [ { log: moved } ]
                """);

        assertThat(result.errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("when[0].topic");
            assertThat(error.reason()).contains("'#'");
            assertThat(error.position().line()).isEqualTo(2);
        });
    }

    @Test
    void unknownTriggerTypeIsReportedWithItsLine() {
        RuleParseResult result = parser.parseYaml("""
                id: motion
                when:
                  - { topic: home/motion }
                  - { webhook: /motion }
                then: [ { log: moved } ]
                """);

        assertThat(result.errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("when[1]");
            assertThat(error.reason()).contains("topic, cron, sun, offline");
            assertThat(error.position().line()).isEqualTo(4);
        });
    }
}
