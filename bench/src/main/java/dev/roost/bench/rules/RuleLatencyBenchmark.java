package dev.roost.bench.rules;

import dev.roost.rules.bus.MessageBus;
import dev.roost.rules.bus.MessageHandler;
import dev.roost.rules.bus.Subscription;
import dev.roost.rules.engine.EngineSettings;
import dev.roost.rules.engine.RuleCompiler;
import dev.roost.rules.engine.RuleEngine;
import dev.roost.rules.engine.RunRecorder;
import dev.roost.rules.engine.VariableStore;
import dev.roost.rules.model.RuleParser;
import dev.roost.rules.sandbox.ExpressionCompiler;
import dev.roost.rules.sandbox.ExpressionLimits;
import dev.roost.rules.schedule.ExecutorScheduler;
import dev.roost.rules.trigger.Location;
import dev.roost.rules.trigger.TriggerSettings;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The rule engine's share of a sensor-to-actuator delay: from a message handed to the engine (as the broker
 * hands it to an in-process subscriber) to the rule's publish leaving the engine, across the hop onto the
 * engine's own thread, with 500 other rules loaded. JMH reports the distribution, p99 included. The end-to-end
 * latency through the broker is measured in hub.
 *
 * <pre>
 * java -cp bench/target/roost-bench.jar org.openjdk.jmh.Main RuleLatencyBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class RuleLatencyBenchmark {

    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    private static final byte[] COLD = "17.5".getBytes(StandardCharsets.UTF_8);
    private static final long GIVE_UP_NANOS = Duration.ofSeconds(5).toNanos();

    private ExecutorScheduler scheduler;
    private RuleEngine engine;
    private volatile MessageHandler engineInbox;
    private volatile long actions;

    @Setup
    public void start() {
        scheduler = new ExecutorScheduler(Clock.system(ZONE), "rules-bench");
        TriggerSettings triggers = new TriggerSettings("home", new Location(52.52, 13.405, ZONE));
        EngineSettings settings = new EngineSettings(triggers, Integer.MAX_VALUE / 2, 10, 10_000);
        RunRecorder discard = run -> { };
        VariableStore none = new VariableStore() {
            @Override
            public Map<String, Object> load(String ruleId) {
                return Map.of();
            }

            @Override
            public void save(String ruleId, String name, Object value) {
                throw new UnsupportedOperationException("the benchmarked rules set no variables");
            }
        };
        engine = new RuleEngine(new Bus(), scheduler, discard, none, settings);
        RuleParser parser = new RuleParser();
        RuleCompiler compiler = new RuleCompiler(new ExpressionCompiler(ExpressionLimits.defaults()));
        for (int i = 0; i < 500; i++) {
            engine.load(compiler.compile(parser.parseYaml("""
                    id: other-%d
                    when: { topic: home/device-%d/state }
                    if: value.state == 'ON'
                    then: [ { log: device on } ]
                    """.formatted(i, i)).rule().orElseThrow()).rule().orElseThrow());
        }
        engine.load(compiler.compile(parser.parseYaml("""
                id: heat
                when: { topic: home/temperature }
                if: value < 18
                then: [ { publish: { topic: home/thermostat/set, payload: '{"state":"ON"}', qos: 1 } } ]
                """).rule().orElseThrow()).rule().orElseThrow());
        engine.start();
    }

    /** One sensor message in, waits until the rule's command is out. */
    @Benchmark
    public long messageToAction() {
        long before = actions;
        engineInbox.onMessage("home/temperature", COLD, false);
        long deadline = System.nanoTime() + GIVE_UP_NANOS;
        while (actions == before) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the rule did not act within 5 s");
            }
            Thread.onSpinWait();
        }
        return actions;
    }

    @TearDown
    public void stop() throws InterruptedException {
        engine.close();
        scheduler.shutdown(Duration.ofSeconds(5));
    }

    private final class Bus implements MessageBus {
        @Override
        public void publish(String topic, byte[] payload, int qos, boolean retain) {
            actions++;
        }

        @Override
        public Subscription subscribe(String topicFilter, int qos, MessageHandler handler) {
            engineInbox = handler;
            return () -> { };
        }
    }
}
