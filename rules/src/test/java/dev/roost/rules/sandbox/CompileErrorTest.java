package dev.roost.rules.sandbox;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Text that is not an expression is refused with a message that says where and what is wrong. */
class CompileErrorTest {

    private final ExpressionCompiler compiler = new ExpressionCompiler(ExpressionLimits.defaults());

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            value <                 | 1 | 8  | expected a value but found the end of the expression
            value.temperature < 18) | 1 | 23 | expected an operator or the end of the expression but found ')'
            temperature < 18        | 1 | 1  | unknown name 'temperature'; an expression can use topic, payload, value, state, now, rule and Math
            'closed                 | 1 | 1  | the string starting here is not closed with '
            value == 'a\\qb'        | 1 | 12 | unknown escape '\\q'; use \\n, \\t, \\r, \\\\, \\' or \\"
            1e400 > value           | 1 | 1  | the number 1e400 is too large
            0x1F == value           | 1 | 2  | a number cannot be followed by 'x'; write plain decimal numbers such as 18 or 17.5
            value ? 1               | 1 | 10 | expected ':' but found the end of the expression
            /* open                 | 1 | 1  | the comment starting here is not closed with */
            "   "                   | 1 | 4  | the expression is empty
            now.getDayOfWeek() == 'SUNDAY' | 1 | 20 | a day or month is never equal to text; compare its name, as in now.getDayOfWeek().name() == 'SATURDAY'
            'MAY' != now.getMonth() | 1 | 7  | a day or month is never equal to text; compare its name, as in now.getDayOfWeek().name() == 'SATURDAY'
            """)
    void syntaxErrorNamesPositionAndReason(String source, int line, int column, String reason) {
        ExpressionRejected rejected = catchThrowableOfType(ExpressionRejected.class, () -> compiler.compile(source));

        assertThat(rejected).isNotNull();
        assertThat(rejected.getMessage()).isEqualTo("line " + line + ", column " + column + ": " + reason);
    }

    @Test
    void expressionLongerThanTheLimitIsRefusedBeforeParsing() {
        ExpressionCompiler small = new ExpressionCompiler(new ExpressionLimits(Duration.ofMillis(50), 20, 32, 16));

        ExpressionRejected rejected = catchThrowableOfType(ExpressionRejected.class,
                () -> small.compile("value.temperature < 18 && value.humidity > 60"));

        assertThat(rejected.getMessage()).isEqualTo("line 1, column 1: the expression is 45 characters long; "
                + "the limit is 20");
    }

    @Test
    void nestingDeeperThanTheLimitIsRefused() {
        String deep = "(".repeat(40) + "value" + ")".repeat(40);

        ExpressionRejected rejected = catchThrowableOfType(ExpressionRejected.class, () -> compiler.compile(deep));

        assertThat(rejected.construct()).isEqualTo("nesting");
        assertThat(rejected.getMessage()).endsWith("the expression nests deeper than 32 levels");
    }

    @Test
    void longChainOfFieldReadsIsRefusedAsNesting() {
        // Each read of a field of a payload value nests the MVEL written for it one level deeper.
        String chain = "value" + ".a".repeat(900);

        ExpressionRejected rejected = catchThrowableOfType(ExpressionRejected.class, () -> compiler.compile(chain));

        assertThat(rejected.getMessage()).isEqualTo("line 1, column 69: the expression nests deeper than 32 levels");
    }

    @Test
    void longChainsOfMethodsAndStateLookupsCompile() throws Exception {
        Bindings bindings = new Bindings("t", " x ", "", Map.of("a", "b"), null, null);

        assertThat(compiler.compile("payload" + ".trim()".repeat(250)).evaluate(bindings)).isEqualTo("x");
        assertThat(compiler.compile("state['a']" + " + state['a']".repeat(16)).evaluate(bindings))
                .isEqualTo("b".repeat(17));
    }

    @Test
    void longFlatChainWithinTheLengthLimitCompilesAndEvaluates() throws Exception {
        String chain = "1" + " + 1".repeat(400);

        Expression expression = compiler.compile(chain);

        assertThat(expression.evaluate(new Bindings("t", "", "", null, null, null))).isEqualTo(401);
    }

    @Test
    void textJoinsBeyondTheLimitAreRefusedAtTheFirstOneTooMany() {
        String joins = "payload" + " + payload".repeat(17);

        ExpressionRejected rejected = catchThrowableOfType(ExpressionRejected.class, () -> compiler.compile(joins));

        assertThat(rejected.construct()).isEqualTo("concatenation");
        assertThat(rejected.getMessage()).isEqualTo("line 1, column " + (7 + 16 * 10 + 2)
                + ": more than 16 '+' that may join text; each can copy a whole payload");
    }

    @Test
    void textJoinsUpToTheLimitCompile() throws Exception {
        Expression joined = compiler.compile("topic" + " + topic".repeat(16));

        assertThat(joined.evaluate(new Bindings("ab", "", "", null, null, null))).isEqualTo("ab".repeat(17));
    }

    @Test
    void missingExpressionIsRefused() {
        ExpressionRejected rejected = catchThrowableOfType(ExpressionRejected.class, () -> compiler.compile(null));

        assertThat(rejected.getMessage()).isEqualTo("line 1, column 1: the expression is missing");
    }
}
