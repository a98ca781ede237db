package dev.roost.rules.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleValidatorTest {

    private static final List<Trigger> ON_TEMPERATURE = List.of(new TopicTrigger("home/temperature", false));
    private static final List<Action> HEAT = List.of(new PublishAction("home/thermostat/set", "{\"mode\":\"heat\"}", 1, false));

    private final RuleValidator validator = new RuleValidator();

    private static Rule rule(String id, List<Trigger> when, List<Action> then) {
        return new Rule(id, id, true, when, null, Duration.ZERO, then, Mode.SINGLE);
    }

    private List<String> fieldsInError(Rule rule) {
        return validator.validate(rule).stream().map(RuleError::field).toList();
    }

    @Test
    void completeRuleHasNoErrors() {
        assertThat(validator.validate(rule("heat-when-cold", ON_TEMPERATURE, HEAT))).isEmpty();
    }

    @Test
    void missingIdIsReported() {
        assertThat(validator.validate(rule(null, ON_TEMPERATURE, HEAT)))
                .containsExactly(new RuleError("id", "is required"));
        assertThat(fieldsInError(rule("", ON_TEMPERATURE, HEAT))).containsExactly("id");
    }

    @Test
    void idOutsideTheSafeAlphabetIsReported() {
        for (String id : List.of("Heat", "heat_when_cold", "heat when cold", "heat/cold", "héat")) {
            assertThat(fieldsInError(rule(id, ON_TEMPERATURE, HEAT))).as(id).containsExactly("id");
        }
    }

    @Test
    void emptyThenIsReported() {
        assertThat(validator.validate(rule("heat-when-cold", ON_TEMPERATURE, List.of())))
                .containsExactly(new RuleError("then", "needs at least one action"));
    }

    @Test
    void ruleWithoutTriggerIsReported() {
        assertThat(fieldsInError(rule("heat-when-cold", List.of(), HEAT))).containsExactly("when");
    }

    @Test
    void qosOutsideZeroToTwoIsReportedOnThatAction() {
        List<Action> then = List.of(
                new PublishAction("home/a", "", 2, false),
                new PublishAction("home/b", "", 3, false),
                new PublishAction("home/c", "", -1, false));

        assertThat(validator.validate(rule("r", ON_TEMPERATURE, then))).containsExactly(
                new RuleError("then[1].qos", "must be 0, 1 or 2"),
                new RuleError("then[2].qos", "must be 0, 1 or 2"));
    }

    @Test
    void publishingToAWildcardTopicIsReported() {
        assertThat(fieldsInError(rule("r", ON_TEMPERATURE, List.of(new PublishAction("home/+/set", "", 0, false)))))
                .containsExactly("then[0].topic");
        assertThat(fieldsInError(rule("r", ON_TEMPERATURE, List.of(new PublishAction(null, "", 0, false)))))
                .containsExactly("then[0].topic");
    }

    @Test
    void malformedTopicFiltersAreReported() {
        List<Trigger> when = List.of(
                new TopicTrigger("home/+/motion", false),
                new TopicTrigger("home/#", false),
                new TopicTrigger("home/#/set", false),
                new TopicTrigger("home/lamp+", false),
                new TopicTrigger("", false));

        assertThat(fieldsInError(rule("r", when, HEAT)))
                .containsExactly("when[2].topic", "when[3].topic", "when[4].topic");
    }

    @Test
    void cronNeedsSixFields() {
        List<Trigger> when = List.of(new CronTrigger("0 30 18 * * *"), new CronTrigger("30 18 * * *"));

        assertThat(fieldsInError(rule("r", when, HEAT))).containsExactly("when[1].cron");
    }

    @Test
    void cronWithSixFieldsOutOfRangeIsReportedWithTheReason() {
        List<Trigger> when = List.of(new CronTrigger("0 30 25 * * *"), new CronTrigger("0 */5 * * * MON-FRI"));

        assertThat(validator.validate(rule("r", when, HEAT))).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("when[0].cron");
            assertThat(error.reason()).contains("'0 30 25 * * *'").contains("25");
        });
    }

    @Test
    void thresholdWithBothSidesOrNegativeHysteresisIsReported() {
        List<Trigger> when = List.of(
                new TopicTrigger("home/temperature", false, null, 18.0, 0.5, "temperature"),
                new TopicTrigger("home/temperature", false, 25.0, 18.0, null, null),
                new TopicTrigger("home/temperature", false, null, 18.0, -1.0, null),
                new TopicTrigger("home/temperature", false, null, null, 0.5, null),
                new TopicTrigger("home/temperature", true, 25.0, null, null, null));

        assertThat(fieldsInError(rule("r", when, HEAT)))
                .containsExactly("when[1].below", "when[2].hysteresis", "when[3].hysteresis", "when[4].changes");
    }

    @Test
    void offlineTriggerNeedsADeviceId() {
        List<Trigger> when = List.of(new OfflineTrigger("smart-lock"), new OfflineTrigger("Smart Lock"));

        assertThat(fieldsInError(rule("r", when, HEAT))).containsExactly("when[1].offline");
    }

    @Test
    void sunTriggerNeedsAnEvent() {
        assertThat(fieldsInError(rule("r", List.of(new SunTrigger(null, null)), HEAT))).containsExactly("when[0].sun");
    }

    @Test
    void stepsThatCannotRunAreReported() {
        List<Action> then = List.of(
                new DelayAction(Duration.ZERO),
                new LogAction(" "),
                new SetAction("last seen", "value"),
                new SetAction("count", " "),
                new SetAction("count", "rule.vars.count + 1"),
                new DelayAction(Duration.ofSeconds(1)));

        assertThat(fieldsInError(rule("r", ON_TEMPERATURE, then)))
                .containsExactly("then[0]", "then[1]", "then[2].var", "then[3].value");
    }

    @Test
    void negativeForAndBlankIfAreReported() {
        Rule rule = new Rule("r", "r", true, ON_TEMPERATURE, " ", Duration.ofMinutes(-5), HEAT, Mode.QUEUED);

        assertThat(fieldsInError(rule)).containsExactly("if", "for");
    }

    @Test
    void everyErrorIsReportedInOnePass() {
        Rule rule = new Rule("Bad Id", null, true, List.of(), null, Duration.ZERO, List.of(), null);

        assertThat(fieldsInError(rule)).containsExactly("id", "when", "then");
    }
}
