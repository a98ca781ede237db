package dev.roost.bench.rules;

import dev.roost.rules.bus.MessageBus;
import dev.roost.rules.bus.MessageHandler;
import dev.roost.rules.bus.Subscription;
import dev.roost.rules.engine.CompiledRule;
import dev.roost.rules.engine.EngineSettings;
import dev.roost.rules.engine.RuleCompiler;
import dev.roost.rules.engine.RuleEngine;
import dev.roost.rules.engine.RunRecord;
import dev.roost.rules.engine.RunRecorder;
import dev.roost.rules.engine.VariableStore;
import dev.roost.rules.model.RuleParser;
import dev.roost.rules.sandbox.ExpressionCompiler;
import dev.roost.rules.sandbox.ExpressionLimits;
import dev.roost.rules.schedule.Cancellable;
import dev.roost.rules.schedule.Scheduler;
import dev.roost.rules.trigger.Location;
import dev.roost.rules.trigger.TriggerSettings;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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

/**
 * Messages per second through the rule engine's whole per-message path on one thread, with 500 other rules
 * loaded on other topics: payload parsing, the {@code state} update, the topic-filter index, the trigger and
 * the sandboxed condition. Issue 4 asks for at least 2,000,000 evaluations per second.
 *
 * <ul>
 *   <li>{@code conditionFalse}: {@code value < 18 && state['home/window'] == 'closed'} evaluated on every
 *       message and false (the window is open), so nothing runs: matching plus evaluation.</li>
 *   <li>{@code thresholdCrossing}: {@code below: 18, hysteresis: 0.5} with readings alternating 17.5 and 18.7,
 *       so every second message crosses, evaluates {@code state['home/window'] == 'closed'} and runs a publish
 *       (to a bus that drops it) and records the run (to a recorder that only counts).</li>
 * </ul>
 *
 * <pre>
 * mvn -q -o -pl bench -am package -DskipTests
 * java -cp bench/target/roost-bench.jar org.openjdk.jmh.Main ThresholdRuleBenchmark
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class ThresholdRuleBenchmark {

    private static final int OTHER_RULES = 500;
    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    private RuleEngine conditionEngine;
    private RuleEngine thresholdEngine;
    private long published;
    private long recorded;
    private boolean cold;

    @Setup
    public void loadRules() {
        conditionEngine = engine("""
                id: heat
                when: { topic: home/temperature }
                if: value < 18 && state['home/window'] == 'closed'
                then: [ { publish: { topic: home/thermostat/set, payload: '{"state":"ON"}' } } ]
                """);
        conditionEngine.dispatch("home/window", "open", true);
        thresholdEngine = engine("""
                id: heat
                when: { topic: home/temperature, below: 18, hysteresis: 0.5 }
                if: state['home/window'] == 'closed'
                then: [ { publish: { topic: home/thermostat/set, payload: '{"state":"ON"}' } } ]
                """);
        thresholdEngine.dispatch("home/window", "closed", true);
    }

    @Benchmark
    public void conditionFalse() {
        conditionEngine.dispatch("home/temperature", "17.5", false);
    }

    @Benchmark
    public void thresholdCrossing() {
        cold = !cold;
        thresholdEngine.dispatch("home/temperature", cold ? "17.5" : "18.7", false);
    }

    private RuleEngine engine(String rule) {
        TriggerSettings triggers = new TriggerSettings("home", new Location(52.52, 13.405, ZONE));
        // Loop protection is for loops; this benchmark is one very fast sensor, so it must not pause the rule.
        EngineSettings settings = new EngineSettings(triggers, Integer.MAX_VALUE / 2, 10, 10_000);
        RuleEngine engine = new RuleEngine(new DroppingBus(), new CallerThreadScheduler(), new CountingRecorder(),
                new MemoryVariables(), settings);
        RuleParser parser = new RuleParser();
        RuleCompiler compiler = new RuleCompiler(new ExpressionCompiler(ExpressionLimits.defaults()));
        for (int i = 0; i < OTHER_RULES; i++) {
            engine.load(compile(parser, compiler, """
                    id: other-%d
                    when: { topic: home/device-%d/state }
                    if: value.state == 'ON'
                    then: [ { log: device on } ]
                    """.formatted(i, i)));
        }
        engine.load(compile(parser, compiler, rule));
        return engine;
    }

    private static CompiledRule compile(RuleParser parser, RuleCompiler compiler, String yaml) {
        var parsed = parser.parseYaml(yaml);
        if (!parsed.isValid()) {
            throw new IllegalArgumentException("benchmark rule is invalid: " + parsed.errors());
        }
        var compiled = compiler.compile(parsed.rule().orElseThrow());
        return compiled.rule()
                .orElseThrow(() -> new IllegalArgumentException("benchmark rule refused: " + compiled.errors()));
    }

    /** Runs every task at once on the calling thread, which is the engine's thread in this benchmark. */
    private static final class CallerThreadScheduler implements Scheduler {
        private final Clock clock = Clock.fixed(Instant.parse("2026-11-25T08:00:00Z"), ZONE);

        @Override
        public Clock clock() {
            return clock;
        }

        @Override
        public void execute(Runnable task) {
            task.run();
        }

        @Override
        public Cancellable schedule(Instant at, Runnable task) {
            // The benchmarked rules have no delay, no `for` and no time trigger.
            return () -> { };
        }
    }

    private final class DroppingBus implements MessageBus {
        @Override
        public void publish(String topic, byte[] payload, int qos, boolean retain) {
            published++;
        }

        @Override
        public Subscription subscribe(String topicFilter, int qos, MessageHandler handler) {
            return () -> { };
        }
    }

    private final class CountingRecorder implements RunRecorder {
        @Override
        public void record(RunRecord run) {
            recorded++;
        }
    }

    private static final class MemoryVariables implements VariableStore {
        private final Map<String, Map<String, Object>> variables = new HashMap<>();

        @Override
        public Map<String, Object> load(String ruleId) {
            return variables.getOrDefault(ruleId, Map.of());
        }

        @Override
        public void save(String ruleId, String name, Object value) {
            variables.computeIfAbsent(ruleId, id -> new HashMap<>()).put(name, value);
        }
    }
}
