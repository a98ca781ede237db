package dev.roost.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roost.rules.model.RuleParseResult;
import dev.roost.rules.model.RuleParser;
import dev.roost.rules.sandbox.ExpressionCompiler;
import dev.roost.rules.sandbox.ExpressionLimits;
import dev.roost.rules.schedule.ManualScheduler;
import dev.roost.rules.store.JdbcRunHistory;
import dev.roost.rules.store.JdbcVariableStore;
import dev.roost.rules.store.Retention;
import dev.roost.rules.store.TestDatabase;
import dev.roost.rules.trigger.Location;
import dev.roost.rules.trigger.TriggerSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * A rule engine with real parts around it: the H2 store in a temp folder, the sandbox, an in-process bus
 * standing in for the broker, and a scheduler whose clock moves only when the test says so.
 */
final class EngineFixture implements AutoCloseable {

    /**
     * The sandbox's own limits, but with a wall-clock timeout no loaded CI machine trips by accident: these
     * tests are about the engine, and the sandbox's tests cover the timeout.
     */
    static final ExpressionLimits TEST_LIMITS = new ExpressionLimits(Duration.ofSeconds(10),
            ExpressionLimits.defaults().maxSourceLength(), ExpressionLimits.defaults().maxNesting());
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final TriggerSettings SETTINGS = new TriggerSettings("home", new Location(52.52, 13.405, BERLIN));

    final ManualScheduler scheduler;
    final InProcessBus bus;
    final TestDatabase database;
    final JdbcRunHistory history;
    final RuleEngine engine;
    private final RuleParser parser = new RuleParser();
    private final RuleCompiler compiler = new RuleCompiler(new ExpressionCompiler(TEST_LIMITS));

    EngineFixture(Path folder, Instant start, InProcessBus bus, int maxTriggersPerSecond) throws SQLException {
        this.scheduler = new ManualScheduler(start, BERLIN);
        this.bus = bus;
        this.database = TestDatabase.open(folder);
        this.history = new JdbcRunHistory(database.dataSource(), Retention.defaults(), scheduler.clock());
        this.engine = new RuleEngine(bus, scheduler, history, new JdbcVariableStore(database.dataSource()),
                new EngineSettings(SETTINGS, maxTriggersPerSecond, 10, 1000));
        engine.start();
        scheduler.runReady();
    }

    EngineFixture(Path folder, Instant start) throws SQLException {
        this(folder, start, new InProcessBus(), 20);
    }

    /** Parses, compiles and loads a rule, failing the test if it is not valid. */
    void load(String yaml) {
        RuleParseResult parsed = parser.parseYaml(yaml);
        assertThat(parsed.errors()).as("rule errors").isEmpty();
        CompileResult compiled = compiler.compile(parsed.rule().orElseThrow());
        assertThat(compiled.errors()).as("compile errors").isEmpty();
        engine.load(compiled.rule().orElseThrow());
        scheduler.runReady();
    }

    /** Publishes as a device would, and lets the engine handle it and everything it causes. */
    void publish(String topic, String payload) {
        bus.publish(topic, payload.getBytes(StandardCharsets.UTF_8), 0, false);
        scheduler.runReady();
    }

    List<String> commands(String topic) {
        return bus.payloadsOn(topic);
    }

    List<RunRecord> runs(String ruleId) {
        return history.recent(ruleId, 100);
    }

    @Override
    public void close() throws SQLException {
        engine.close();
        scheduler.runReady();
        database.close();
    }
}
