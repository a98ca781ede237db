package dev.roost.rules.sandbox;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mvel2.MVEL;
import org.mvel2.ParserContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The second line of the sandbox, fed MVEL that our parser would never write: each dangerous tree is refused
 * even if it got past the parser, while the shapes our canonical MVEL has pass.
 */
class CompiledTreeCheckTest {

    private static final SourcePoint AT = new SourcePoint(3, 7);

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            new java.io.File('x')                 | MVEL node NewObjectNode
            x = 5                                 | MVEL node AssignmentNode
            def f() { 1 }; f()                    | MVEL node Function
            Runtime.getRuntime()                  | MVEL reference Runtime.getRuntime()
            java.lang.System.exit(0)              | MVEL reference java.lang.System.exit(0)
            value < 18 && System.exit(0) == null  | MVEL reference System.exit(0)
            while (false) { 1 }                   | MVEL node WhileNode
            """)
    void treeOurParserWouldNotWriteIsRefused(String mvel, String construct) {
        ExpressionRejected rejected = catchThrowableOfType(ExpressionRejected.class,
                () -> CompiledTreeCheck.check(MVEL.compileExpression(mvel, new ParserContext()), AT));

        assertThat(rejected).isNotNull();
        assertThat(rejected.construct()).isEqualTo(construct);
        assertThat(rejected.line()).isEqualTo(3);
        assertThat(rejected.column()).isEqualTo(7);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "(value < 18) && (state['home/window'] == 'closed')", "18", "'text'", "value",
            "(!value) || (-1) < 2", "value['a'] > 1 ? 'x' : 'y'", "Math.max(value['t'], 3.0)",
            "now.getHour() >= 22", "rule['vars']['n'] + 1"})
    void canonicalShapesPass(String mvel) {
        assertThatCode(() -> CompiledTreeCheck.check(MVEL.compileExpression(mvel, new ParserContext()), AT))
                .doesNotThrowAnyException();
    }
}
