package dev.roost.rules.service;

import dev.roost.rules.engine.DryRun;
import dev.roost.rules.engine.EngineSettings;
import dev.roost.rules.engine.InProcessBus;
import dev.roost.rules.engine.RuleCompiler;
import dev.roost.rules.engine.RuleEngine;
import dev.roost.rules.model.RuleParser;
import dev.roost.rules.sandbox.ExpressionCompiler;
import dev.roost.rules.sandbox.ExpressionLimits;
import dev.roost.rules.schedule.ManualScheduler;
import dev.roost.rules.store.JdbcRunHistory;
import dev.roost.rules.store.JdbcVariableStore;
import dev.roost.rules.store.Retention;
import dev.roost.rules.store.RuleStore;
import dev.roost.rules.store.TestDatabase;
import dev.roost.rules.trigger.Location;
import dev.roost.rules.trigger.TriggerFactory;
import dev.roost.rules.trigger.TriggerSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/** The rule service wired as the hub will wire it, on an H2 file, an in-process bus and a hand-moved clock. */
final class ServiceFixture implements AutoCloseable {

    /**
     * The sandbox's own limits, but with a wall-clock timeout no loaded CI machine trips by accident: these
     * tests are about the engine, and the sandbox's tests cover the timeout.
     */
    static final ExpressionLimits TEST_LIMITS = new ExpressionLimits(Duration.ofSeconds(10),
            ExpressionLimits.defaults().maxSourceLength(), ExpressionLimits.defaults().maxNesting());
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    final ManualScheduler scheduler;
    final InProcessBus bus = new InProcessBus();
    final TestDatabase database;
    final RuleEngine engine;
    final RuleService service;

    ServiceFixture(Path folder, Instant start) throws SQLException {
        scheduler = new ManualScheduler(start, BERLIN);
        database = TestDatabase.open(folder);
        TriggerSettings triggers = new TriggerSettings("home", new Location(52.52, 13.405, BERLIN));
        JdbcVariableStore variables = new JdbcVariableStore(database.dataSource());
        JdbcRunHistory history = new JdbcRunHistory(database.dataSource(), Retention.defaults(), scheduler.clock());
        engine = new RuleEngine(bus, scheduler, history, variables, EngineSettings.defaults(triggers));
        service = new RuleService(new RuleStore(database.dataSource()), history, variables, engine, new RuleParser(),
                new RuleCompiler(new ExpressionCompiler(TEST_LIMITS)),
                new DryRun(new TriggerFactory(triggers), scheduler.clock(), () -> BERLIN), scheduler.clock());
        engine.start();
        service.loadAll();
        scheduler.runReady();
    }

    void publish(String topic, String payload) {
        bus.publish(topic, payload.getBytes(StandardCharsets.UTF_8), 0, false);
        scheduler.runReady();
    }

    @Override
    public void close() throws SQLException {
        engine.close();
        scheduler.runReady();
        database.close();
    }
}
