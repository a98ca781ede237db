package dev.roost.bench.rules;

import dev.roost.rules.sandbox.Bindings;
import dev.roost.rules.sandbox.EvaluationFailed;
import dev.roost.rules.sandbox.Expression;
import dev.roost.rules.sandbox.ExpressionCompiler;
import dev.roost.rules.sandbox.ExpressionLimits;
import dev.roost.rules.sandbox.ExpressionRejected;
import dev.roost.rules.sandbox.PayloadValues;
import dev.roost.rules.sandbox.RuleInfo;
import org.mvel2.MVEL;
import org.mvel2.integration.impl.MapVariableResolverFactory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.io.Serializable;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Evaluations per second of the threshold condition {@code value < 18 && state['home/window'] == 'closed'}
 * on one thread: through the sandbox (as the rule engine runs it, including the per-message {@link Bindings}),
 * the same with {@code value.temperature} of a JSON object payload, and as a plain compiled MVEL expression for
 * comparison. Issue 4 budgets 2,000,000/s for the whole threshold
 * rule path, of which this is one part.
 *
 * <pre>
 * mvn -q -o -pl bench -am package -DskipTests
 * java -cp bench/target/roost-bench.jar org.openjdk.jmh.Main ExpressionEvaluationBenchmark
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class ExpressionEvaluationBenchmark {

    private static final String CONDITION = "value < 18 && state['home/window'] == 'closed'";
    /** The shape of ARCHITECTURE.md's example, where the payload is a JSON object. */
    private static final String FIELD_CONDITION = "value.temperature < 18 && state['home/window'] == 'closed'";

    private Expression sandboxed;
    private Expression sandboxedField;
    private Object objectValue;
    private Serializable plain;
    private MapVariableResolverFactory plainVariables;
    private Object value;
    private Map<String, Object> state;
    private ZonedDateTime now;
    private RuleInfo rule;

    @Setup
    public void compile() throws ExpressionRejected {
        sandboxed = new ExpressionCompiler(ExpressionLimits.defaults()).compile(CONDITION);
        plain = MVEL.compileExpression(CONDITION);
        sandboxedField = new ExpressionCompiler(ExpressionLimits.defaults()).compile(FIELD_CONDITION);
        value = PayloadValues.parse("17.5");
        objectValue = PayloadValues.parse("{\"temperature\":17.5}");
        state = new HashMap<>(Map.of("home/window", "closed", "home/door", "locked"));
        now = ZonedDateTime.now();
        rule = new RuleInfo("heat-when-cold", Map.of());
        Map<String, Object> variables = new HashMap<>();
        variables.put("value", value);
        variables.put("state", state);
        plainVariables = new MapVariableResolverFactory(variables);
    }

    /** What the engine does per message once the payload is parsed: build the bindings, test the condition. */
    @Benchmark
    public boolean sandboxed() throws EvaluationFailed {
        return sandboxed.test(new Bindings("home/temperature", "17.5", value, state, now, rule));
    }

    /** {@code value.temperature < 18 && ...} on a JSON object payload, reading the field through the sandbox. */
    @Benchmark
    public boolean sandboxedField() throws EvaluationFailed {
        return sandboxedField.test(new Bindings("home/temperature", "{\"temperature\":17.5}", objectValue, state,
                now, rule));
    }

    /** The same condition compiled by MVEL without the sandbox, the reference the budget is set against. */
    @Benchmark
    public Object plainMvel() {
        return MVEL.executeExpression(plain, plainVariables);
    }
}
