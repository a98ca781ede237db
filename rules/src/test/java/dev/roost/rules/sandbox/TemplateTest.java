package dev.roost.rules.sandbox;

import org.junit.jupiter.api.Test;

import java.time.ZonedDateTime;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Payload templates: literal text with {@code @{...}} expressions compiled through the same sandbox. */
class TemplateTest {

    private static final ZonedDateTime NOW = ZonedDateTime.parse("2026-11-28T22:15:00+01:00[Europe/Berlin]");

    private final ExpressionCompiler compiler = new ExpressionCompiler(ExpressionLimits.defaults());
    private final Bindings bindings = new Bindings("home/temperature", "{\"temperature\":17.5}",
            PayloadValues.parse("{\"temperature\":17.5}"), Map.of("home/window", "closed"), NOW,
            new RuleInfo("heat", Map.of()));

    @Test
    void expressionsAreReplacedByTheirValues() throws Exception {
        Template template = compiler.compileTemplate(
                "{\"mode\":\"@{value.temperature < 18 ? 'heat' : 'off'}\",\"target\":@{value.temperature + 3}}");

        assertThat(template.render(bindings)).isEqualTo("{\"mode\":\"heat\",\"target\":20.5}");
    }

    @Test
    void textWithoutExpressionsIsKeptVerbatimIncludingOtherAtSigns() throws Exception {
        Template template = compiler.compileTemplate("mail me@example.com, {\"x\":1} @ home");

        assertThat(template.render(bindings)).isEqualTo("mail me@example.com, {\"x\":1} @ home");
    }

    @Test
    void mapValueRendersAsJsonAndNullAsEmpty() throws Exception {
        Template template = compiler.compileTemplate("@{value}|@{state['home/none']}|@{topic}");

        assertThat(template.render(bindings)).isEqualTo("{\"temperature\":17.5}||home/temperature");
    }

    @Test
    void braceInsideAStringDoesNotEndTheExpression() throws Exception {
        Template template = compiler.compileTemplate("@{'}' + rule.id}!");

        assertThat(template.render(bindings)).isEqualTo("}heat!");
    }

    @Test
    void escapeInsideATemplateIsRejectedAtItsPositionInTheTemplate() {
        ExpressionRejected rejected = catchThrowableOfType(ExpressionRejected.class,
                () -> compiler.compileTemplate("{\n  \"x\": @{Runtime.getRuntime()}\n}"));

        assertThat(rejected.construct()).isEqualTo("class reference Runtime");
        assertThat(rejected.line()).isEqualTo(2);
        assertThat(rejected.column()).isEqualTo(10);
    }

    @Test
    void nestedTemplateIsRejected() {
        ExpressionRejected rejected = catchThrowableOfType(ExpressionRejected.class,
                () -> compiler.compileTemplate("@{'a' + @{value}}"));

        assertThat(rejected.construct()).isEqualTo("template or annotation '@'");
        assertThat(rejected.column()).isEqualTo(9);
    }

    @Test
    void mvelTemplateTagsAreRejected() {
        ExpressionRejected rejected = catchThrowableOfType(ExpressionRejected.class,
                () -> compiler.compileTemplate("x @include{'/etc/passwd'} y"));

        assertThat(rejected.construct()).isEqualTo("template tag @include");
        assertThat(rejected.getMessage()).isEqualTo("line 1, column 3: template tag @include is not allowed in a rule expression");
    }

    @Test
    void unclosedExpressionIsRejectedWhereItOpens() {
        ExpressionRejected rejected = catchThrowableOfType(ExpressionRejected.class,
                () -> compiler.compileTemplate("on @{value.temperature"));

        assertThat(rejected.getMessage()).isEqualTo("line 1, column 4: '@{' is not closed with '}'");
    }

    @Test
    void emptyExpressionIsRejected() {
        ExpressionRejected rejected = catchThrowableOfType(ExpressionRejected.class,
                () -> compiler.compileTemplate("x @{ } y"));

        assertThat(rejected.getMessage()).isEqualTo("line 1, column 6: the expression is empty");
    }

    @Test
    void partsAndJoinsBeyondTheLimitAreRefused() {
        // Nine parts, then four parts with one join each: the seventeenth is the '+' in the thirteenth part.
        String template = "@{payload}".repeat(9) + "@{payload + payload}".repeat(4);

        ExpressionRejected rejected = catchThrowableOfType(ExpressionRejected.class,
                () -> compiler.compileTemplate(template));

        assertThat(rejected.construct()).isEqualTo("concatenation");
        assertThat(rejected.column()).isEqualTo(90 + 3 * 20 + 10 + 1);
    }

    @Test
    void tooManyPartsAreRefusedAtTheFirstOneTooMany() {
        ExpressionRejected rejected = catchThrowableOfType(ExpressionRejected.class,
                () -> compiler.compileTemplate("@{topic},".repeat(17)));

        assertThat(rejected.getMessage()).isEqualTo("line 1, column 145: more than 16 @{...} parts and text joins; "
                + "each can copy a whole payload");
    }

    @Test
    void failingPartFailsTheRender() throws Exception {
        Template template = compiler.compileTemplate("@{payload.substring(500)}");

        assertThatThrownBy(() -> template.render(bindings)).isInstanceOf(EvaluationFailed.class);
    }
}
