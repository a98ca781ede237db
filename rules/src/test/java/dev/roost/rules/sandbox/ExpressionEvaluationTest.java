package dev.roost.rules.sandbox;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.ZonedDateTime;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Allowed expressions evaluate as MVEL would, against the bindings of ARCHITECTURE.md. */
class ExpressionEvaluationTest {

    private static final String PAYLOAD = "{\"temperature\":17.5,\"room\":\"Kitchen\"}";
    /** A Saturday, 22:15 in Berlin. */
    private static final ZonedDateTime NOW = ZonedDateTime.parse("2026-11-28T22:15:00+01:00[Europe/Berlin]");

    private final ExpressionCompiler compiler = new ExpressionCompiler(ExpressionLimits.defaults());
    private final Bindings bindings = new Bindings("home/temperature", PAYLOAD, PayloadValues.parse(PAYLOAD),
            Map.of("home/window", "closed", "home/lock", PayloadValues.parse("{\"state\":\"LOCKED\"}"),
                    "home/outside", 4L),
            NOW, new RuleInfo("heat-when-cold", Map.of("runs", 3L)));

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '"', textBlock = """
            value.temperature < 18                                     => true
            value.temperature < 17                                     => false
            value['temperature'] >= 17.5                               => true
            value.temperature < 18 && state['home/window'] == 'closed' => true
            state['home/lock'].state == 'LOCKED'                       => true
            state['home/outside'] < value.temperature                  => true
            state['home/missing'] == null                              => true
            value.humidity == null                                     => true
            topic == 'home/temperature'                                => true
            topic.startsWith('home/') && topic.endsWith('temperature') => true
            value.room.toLowerCase() == 'kitchen'                      => true
            payload.contains('temperature')                            => true
            now.getHour() >= 22                                        => true
            now.getDayOfWeek().name() == 'SATURDAY'                    => true
            now.getDayOfWeek().getValue() >= 6 || now.getHour() < 7    => true
            Math.abs(value.temperature - 20) > 2                       => true
            Math.max(value.temperature, 3) == 17.5                     => true
            Math.round(value.temperature) == 18                        => true
            rule.id == 'heat-when-cold'                                => true
            rule.vars.runs + 1 == 4                                    => true
            !(value.temperature > 18) && !false                        => true
            10 - 3 - 2 == 5                                            => true
            2 * 3 + 4 == 10                                            => true
            true || false && false                                     => true
            false && true || true                                      => true
            1 + 2 * 3 == 7                                             => true
            10 - 2 + 3 == 11 && 8 / 4 * 2 == 4                         => true
            2 * (3 + 4) == 14 && 10 - (3 - 2) == 9                     => true
            1 < 2 == true                                              => true
            false || true ? true : false                               => true
            value.temperature - -0.5 == 18                             => true
            value.containsKey('room') && value.size() == 2             => true
            "// a comment\\nvalue.temperature < 18 /* and a block */"  => true
            """)
    void conditionEvaluatesToExpectedResult(String source, boolean expected) throws Exception {
        Expression expression = compiler.compile(source.replace("\\n", "\n"));

        assertThat(expression.test(bindings)).isEqualTo(expected);
    }

    @Test
    void ternaryChoosesBetweenValues() throws Exception {
        Expression expression = compiler.compile("value.temperature < 18 ? 'heat' : 'off'");

        assertThat(expression.evaluate(bindings)).isEqualTo("heat");
    }

    @Test
    void stringMethodsAndConcatenationProduceText() throws Exception {
        Expression expression = compiler.compile("value.room.toUpperCase().substring(0, 3) + '-' + topic.length()");

        assertThat(expression.evaluate(bindings)).isEqualTo("KIT-16");
    }

    @Test
    void plainNumberPayloadIsComparedDirectly() throws Exception {
        Bindings number = new Bindings("home/temperature", "17.5", PayloadValues.parse("17.5"), Map.of(), NOW, null);

        assertThat(compiler.compile("value < 18").test(number)).isTrue();
    }

    @Test
    void numberPayloadEqualsBothItsNumberAndItsText() throws Exception {
        Bindings number = new Bindings("t", "21", PayloadValues.parse("21"), Map.of(), NOW, null);

        assertThat(compiler.compile("value == 21 && value == '21' && value == \"21\"").test(number)).isTrue();
        assertThat(compiler.compile("value == 22 || value == '22'").test(number)).isFalse();
    }

    @Test
    void divisionOfWholeNumbersIsDecimalForLiteralsAndPayloadValuesAlike() throws Exception {
        assertThat(compiler.compile("1 / 2").evaluate(bindings)).isEqualTo(0.5);
        assertThat(compiler.compile("rule.vars.runs / 2").evaluate(bindings)).isEqualTo(1.5);
        assertThat(compiler.compile("12 / rule.vars.runs / 2").evaluate(bindings)).isEqualTo(2.0);
    }

    @Test
    void sourceIsKeptAsWritten() throws Exception {
        assertThat(compiler.compile("value.temperature  <  18").source()).isEqualTo("value.temperature  <  18");
    }

    @Test
    void throwingExpressionFailsWithTheReason() throws Exception {
        Expression expression = compiler.compile("payload.substring(1000)");

        assertThatThrownBy(() -> expression.evaluate(bindings))
                .isInstanceOf(EvaluationFailed.class)
                .hasMessageContaining("'payload.substring(1000)' failed")
                .hasCauseInstanceOf(RuntimeException.class);
    }

    @Test
    void propertyOfMissingStateFails() throws Exception {
        Expression expression = compiler.compile("state['home/nothing'].temperature < 18");

        assertThatThrownBy(() -> expression.test(bindings)).isInstanceOf(EvaluationFailed.class)
                .hasMessageContaining("null");
    }

    @Test
    void propertyOfNonMapValueFailsInsteadOfCallingAGetter() throws Exception {
        Bindings number = new Bindings("t", "21", 21L, Map.of(), NOW, null);
        Expression expression = compiler.compile("value.class2");

        assertThatThrownBy(() -> expression.evaluate(number)).isInstanceOf(EvaluationFailed.class);
    }

    @Test
    void conditionThatIsNotBooleanFails() throws Exception {
        Expression expression = compiler.compile("value.temperature + 1");

        assertThatThrownBy(() -> expression.test(bindings))
                .isInstanceOf(EvaluationFailed.class)
                .hasMessage("'value.temperature + 1' gave '18.5' (Double), not true or false");
    }

    @Test
    void compiledExpressionCanBeEvaluatedAgainAfterAFailure() throws Exception {
        Expression expression = compiler.compile("value.temperature < 18");
        Bindings text = new Bindings("t", "on", "on", Map.of(), NOW, null);

        assertThatThrownBy(() -> expression.test(text)).isInstanceOf(EvaluationFailed.class);
        assertThat(expression.test(bindings)).isTrue();
    }
}
