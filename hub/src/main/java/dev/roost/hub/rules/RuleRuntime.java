package dev.roost.hub.rules;

import dev.roost.rules.bus.MessageBus;
import dev.roost.rules.engine.DryRun;
import dev.roost.rules.engine.EngineSettings;
import dev.roost.rules.engine.RuleCompiler;
import dev.roost.rules.engine.RuleEngine;
import dev.roost.rules.model.RuleParser;
import dev.roost.rules.sandbox.ExpressionCompiler;
import dev.roost.rules.sandbox.ExpressionLimits;
import dev.roost.rules.schedule.ExecutorScheduler;
import dev.roost.rules.service.RuleService;
import dev.roost.rules.store.BackgroundRunRecorder;
import dev.roost.rules.store.JdbcRunHistory;
import dev.roost.rules.store.JdbcVariableStore;
import dev.roost.rules.store.Retention;
import dev.roost.rules.store.RuleStore;
import dev.roost.rules.trigger.Location;
import dev.roost.rules.trigger.TriggerFactory;
import dev.roost.rules.trigger.TriggerSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;

/**
 * The rules engine as the hub runs it: stored rules compiled and loaded at start, evaluated on one engine thread,
 * their runs written to the history off that thread.
 */
public final class RuleRuntime implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RuleRuntime.class);
    /** Runs waiting to be written; beyond this a slow disk costs history entries (counted), never rule runs. */
    private static final int HISTORY_QUEUE = 1_000;
    private static final Duration STOP_WAIT = Duration.ofSeconds(2);

    private final ExecutorScheduler scheduler;
    private final BackgroundRunRecorder recorder;
    private final RuleEngine engine;
    private final RuleService service;
    private final RuleChecker checker;

    private RuleRuntime(ExecutorScheduler scheduler, BackgroundRunRecorder recorder, RuleEngine engine,
                        RuleService service, RuleChecker checker) {
        this.scheduler = scheduler;
        this.recorder = recorder;
        this.engine = engine;
        this.service = service;
        this.checker = checker;
    }

    /**
     * Starts the engine on {@code bus} with the rules stored in {@code database}.
     *
     * @param loadDemo import the demo rule set when no rule is stored yet (simulated devices)
     */
    public static RuleRuntime start(DataSource database, MessageBus bus, TriggerSettings triggers, boolean loadDemo) {
        Clock clock = Clock.system(triggers.location().zone());
        ExecutorScheduler scheduler = new ExecutorScheduler(clock, "roost-rules");
        JdbcVariableStore variables = new JdbcVariableStore(database);
        JdbcRunHistory history = new JdbcRunHistory(database, Retention.defaults(), clock);
        BackgroundRunRecorder recorder = new BackgroundRunRecorder(history, HISTORY_QUEUE);
        RuleEngine engine = new RuleEngine(bus, scheduler, recorder, variables, EngineSettings.defaults(triggers));
        RuleParser parser = new RuleParser();
        RuleCompiler compiler = new RuleCompiler(new ExpressionCompiler(ExpressionLimits.defaults()));
        // Dry runs follow the engine's location, which the settings screen can change while the hub runs.
        DryRun dryRun = new DryRun(new TriggerFactory(triggers.topicBase(), engine::location), clock,
                () -> engine.location().zone());
        RuleService service = new RuleService(new RuleStore(database), history, variables, engine, parser, compiler,
                dryRun, clock);
        // Rules are loaded before the engine subscribes, so the retained values it receives first reach them.
        service.loadAll();
        if (loadDemo && service.loadDemoIfEmpty()) {
            log.info("no rules yet: loaded the demo rule set");
        }
        engine.start();
        return new RuleRuntime(scheduler, recorder, engine, service, new RuleChecker(parser, compiler));
    }

    public RuleService service() {
        return service;
    }

    /** Moves the hub for sun triggers and schedules; the running rules re-arm their time triggers. */
    public void relocate(Location location) {
        engine.relocate(location);
    }

    /** Checks documents with the same parser and compiler as the service, without saving them. */
    public RuleChecker checker() {
        return checker;
    }

    /** Stops the engine (pending delays are dropped), then writes out the history it still holds. */
    @Override
    public void close() throws InterruptedException {
        engine.close();
        scheduler.shutdown(STOP_WAIT);
        recorder.close(STOP_WAIT);
    }
}
