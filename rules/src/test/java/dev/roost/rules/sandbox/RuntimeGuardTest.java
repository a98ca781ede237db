package dev.roost.rules.sandbox;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What protects the JVM at run time, behind the compile-time checks, and sharing one compiled expression. */
class RuntimeGuardTest {

    private static final ZonedDateTime NOW = ZonedDateTime.parse("2026-11-28T22:15:00Z");

    private final ExpressionCompiler compiler = new ExpressionCompiler(ExpressionLimits.defaults());

    @Test
    void resultOfATypeBindingsAreNotMadeOfIsRefused() throws Exception {
        // Only a caller can put such an object into the state; the guard keeps it from flowing out of a rule.
        Map<String, Object> state = new HashMap<>();
        state.put("leak", Thread.currentThread());
        Expression expression = compiler.compile("state['leak']");

        assertThatThrownBy(() -> expression.evaluate(new Bindings("t", "", "", state, NOW, null)))
                .isInstanceOf(EvaluationFailed.class)
                .hasMessage("'state['leak']' gave a java.lang.Thread, which a rule expression may not produce");
    }

    @Test
    void propertyOfAnObjectIsNeverReadThroughItsGetter() throws Exception {
        // "value.name" is compiled as value['name']: on a non-map it fails instead of calling getName().
        Expression expression = compiler.compile("value.name");

        assertThatThrownBy(() -> expression.evaluate(new Bindings("t", "", Thread.currentThread(), null, NOW, null)))
                .isInstanceOf(EvaluationFailed.class);
    }

    @Test
    void bindingsCannotBeAssignedEvenByMvelItself() {
        BindingsVariables variables = new BindingsVariables(new Bindings("t", "", "", null, NOW, null));

        assertThatThrownBy(() -> variables.createVariable("value", 1)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> variables.getVariableResolver("value").setValue(1))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(variables.isResolveable("Runtime")).isFalse();
    }

    @Test
    void oneCompiledExpressionGivesEachThreadItsOwnAnswer() throws Exception {
        // A generous limit: this test is about answers, and four busy threads on two cores may be preempted.
        ExpressionCompiler patient = new ExpressionCompiler(new ExpressionLimits(Duration.ofSeconds(10), 2_000, 32, 16));
        Expression expression = patient.compile("value.temperature < 18 && state['home/window'] == 'closed'");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> wrong = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                double temperature = 15 + t * 2;  // 15 and 17 are below 18, 19 and 21 are not
                wrong.add(pool.submit(() -> countWrongAnswers(expression, temperature)));
            }
            for (Future<Integer> count : wrong) {
                assertThat(count.get(30, TimeUnit.SECONDS)).isZero();
            }
        } finally {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void oneCompilerCompilesForManyThreadsAtOnce() throws Exception {
        ExpressionCompiler patient = new ExpressionCompiler(new ExpressionLimits(Duration.ofSeconds(10), 2_000, 32, 16));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> wrong = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                wrong.add(pool.submit(() -> countWrongCompilations(patient, thread)));
            }
            for (Future<Integer> count : wrong) {
                assertThat(count.get(30, TimeUnit.SECONDS)).isZero();
            }
        } finally {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    private static int countWrongCompilations(ExpressionCompiler compiler, int thread) throws Exception {
        Bindings bindings = new Bindings("t", "", Map.of("n", (long) thread), Map.of(), NOW, null);
        int wrong = 0;
        for (int i = 0; i < 200; i++) {
            Expression expression = compiler.compile("value.n * 1000 + " + i);
            if (!expression.evaluate(bindings).equals(thread * 1000L + i)) {
                wrong++;
            }
        }
        return wrong;
    }

    private static int countWrongAnswers(Expression expression, double temperature) throws EvaluationFailed {
        Bindings bindings = new Bindings("home/temperature", "", Map.of("temperature", temperature),
                Map.of("home/window", "closed"), NOW, null);
        int wrong = 0;
        for (int i = 0; i < 20_000; i++) {
            if (expression.test(bindings) != temperature < 18) {
                wrong++;
            }
        }
        return wrong;
    }
}
