package dev.roost.rules.engine;

import dev.roost.rules.bus.MessageBus;
import dev.roost.rules.bus.Subscription;
import dev.roost.rules.sandbox.PayloadValues;
import dev.roost.rules.schedule.Scheduler;
import dev.roost.rules.trigger.Location;
import dev.roost.rules.trigger.MessageTrigger;
import dev.roost.rules.trigger.TopicFilterIndex;
import dev.roost.rules.trigger.TriggerFactory;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the loaded rules: one subscription to every topic keeps {@code state} and hands the messages some trigger
 * wants, through a topic-filter index, to those triggers; time triggers and delays run on the scheduler.
 *
 * <p>Threading: every change of the engine's state happens on the {@link Scheduler}'s one thread; the public
 * methods may be called from any thread and hand their work over to it. {@link #status} and {@link #nextRun}
 * read concurrent maps, {@link #location} a volatile field.
 */
public final class RuleEngine implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RuleEngine.class);
    private static final String EVERY_TOPIC = "#";
    /**
     * Messages waiting for the engine's thread, at most; beyond that a burst is dropped (and counted) rather
     * than queued without bound in the small heap of a Raspberry Pi.
     */
    static final int MAX_WAITING_MESSAGES = 10_000;

    private final EngineContext context;
    private final TriggerFactory triggerFactory;
    private final Map<String, RuleRuntime> loaded = new HashMap<>();
    private final TopicFilterIndex<Registration> index = new TopicFilterIndex<>();
    private final Map<String, RuleStatus> statuses = new ConcurrentHashMap<>();
    private final Map<String, Instant> nextRuns = new ConcurrentHashMap<>();
    /** Written on the engine's thread; volatile for dry runs and the settings screen, which read it elsewhere. */
    private volatile Location location;
    private final AtomicInteger waiting = new AtomicInteger();
    private final AtomicLong dropped = new AtomicLong();
    private final WantedTopics wanted = new WantedTopics();
    /**
     * Rule installs (and the start) queued for the engine's thread and not yet in {@link #wanted}. While any is
     * pending every message is handed over, so a message published right after a rule is saved still reaches it:
     * the engine's thread runs the install first.
     */
    private final AtomicInteger pendingInstalls = new AtomicInteger(1);
    private volatile boolean stateFullWarned;
    private Subscription subscription;

    public RuleEngine(MessageBus bus, Scheduler scheduler, RunRecorder recorder, VariableStore variables,
                      EngineSettings settings) {
        this.location = settings.triggers().location();
        this.context = new EngineContext(scheduler, bus, recorder, variables, settings, this::location,
                new LazyState(), statuses, nextRuns, new OwnMessages(wanted));
        this.triggerFactory = new TriggerFactory(settings.triggers().topicBase(), this::location);
    }

    /** Subscribes to every topic; retained values arriving now fill {@code state} without firing rules. */
    public void start() {
        subscription = context.bus().subscribe(EVERY_TOPIC, 0, this::receive);
        // Runs after the installs of the rules loaded so far, so from then on their filters are wanted.
        context.scheduler().execute(pendingInstalls::decrementAndGet);
    }

    /** On the delivering thread (the broker's, in the hub): keeps state, hands over what a trigger wants. */
    private void receive(String topic, byte[] payload, boolean retained) {
        remember(topic, payload);
        if (pendingInstalls.get() == 0 && !wanted.wants(topic)) {
            return;
        }
        if (waiting.incrementAndGet() > MAX_WAITING_MESSAGES) {
            waiting.decrementAndGet();
            dropWhileBehind(topic);
            return;
        }
        context.scheduler().execute(() -> {
            waiting.decrementAndGet();
            trigger(topic, new String(payload, StandardCharsets.UTF_8), retained);
        });
    }

    /** How many messages the engine dropped because it was too far behind to take them. */
    public long droppedMessages() {
        return dropped.get();
    }

    private void dropWhileBehind(String topic) {
        if (dropped.incrementAndGet() == 1) {
            log.atWarn().addKeyValue("waiting", MAX_WAITING_MESSAGES).addKeyValue("topic", topic)
                    .log("rule engine is behind; messages are dropped until it catches up");
        }
    }

    /** Loads a rule, or replaces the loaded rule with its id (whose runs are cancelled); variables are kept. */
    public void load(CompiledRule rule) {
        pendingInstalls.incrementAndGet();
        context.scheduler().execute(() -> {
            try {
                install(rule);
            } finally {
                pendingInstalls.decrementAndGet();
            }
        });
    }

    /** Stops and forgets a rule. */
    public void unload(String ruleId) {
        context.scheduler().execute(() -> {
            remove(ruleId, "the rule was deleted");
            statuses.remove(ruleId);
        });
    }

    /**
     * Moves the hub: sun triggers compute their times for the new place, and schedules are read in its time zone.
     * Every loaded rule's time triggers are armed again from now; message triggers, running runs and {@code for}
     * waits carry on as they are.
     */
    public void relocate(Location next) {
        context.scheduler().execute(() -> {
            location = next;
            loaded.values().forEach(RuleRuntime::rearm);
        });
    }

    /** Where the hub is, as its sun triggers and schedules see it now. */
    public Location location() {
        return location;
    }

    /** The next moment one of the rule's time triggers fires; empty when it has none armed or is not loaded. */
    public Optional<Instant> nextRun(String ruleId) {
        return Optional.ofNullable(nextRuns.get(ruleId));
    }

    /** Whether a loaded rule is active, disabled or paused, and why; empty for a rule that is not loaded. */
    public Optional<RuleStatus> status(String ruleId) {
        return Optional.ofNullable(statuses.get(ruleId));
    }

    @Override
    public void close() {
        if (subscription != null) {
            subscription.cancel();
        }
        context.scheduler().execute(() -> Map.copyOf(loaded).keySet().forEach(id -> remove(id, "the hub is stopping")));
    }

    /** Handles one message on the engine's thread as {@link #start}'s subscription does; public for the benchmark. */
    public void dispatch(String topic, String payload, boolean retained) {
        remember(topic, payload.getBytes(StandardCharsets.UTF_8));
        trigger(topic, payload, retained);
    }

    private void trigger(String topic, String payload, boolean retained) {
        boolean causedByRule = !retained && context.own().cameBack(topic, payload);
        // Parsed only when a rule's trigger matches: most messages concern no rule.
        Object[] value = new Object[1];
        index.forEachMatch(topic, registration -> {
            if (value[0] == null) {
                value[0] = PayloadValues.parse(payload);
            }
            deliver(registration, topic, payload, value[0], retained, causedByRule);
        });
    }

    private static void deliver(Registration registration, String topic, String payload, Object value,
                                boolean retained, boolean causedByRule) {
        try {
            MessageTrigger trigger = registration.trigger();
            registration.runtime().onSignal(trigger.describe(), trigger.offer(topic, payload, value, retained),
                    topic, payload, value, causedByRule);
        } catch (RuntimeException bug) {
            // One rule's bug must not keep the message from the other rules.
            log.atError().addKeyValue("rule", registration.runtime().rule().id()).addKeyValue("topic", topic)
                    .setCause(bug).log("rule failed on a message");
        }
    }

    private void remember(String topic, byte[] payload) {
        if (!context.state().record(topic, payload, context.settings().maxStateTopics()) && !stateFullWarned) {
            stateFullWarned = true;
            log.atWarn().addKeyValue("limit", context.settings().maxStateTopics()).addKeyValue("topic", topic)
                    .log("state keeps no more topics; rules cannot read state of topics seen from now on");
        }
    }

    private void install(CompiledRule rule) {
        remove(rule.id(), "the rule was changed");
        if (!rule.rule().enabled()) {
            statuses.put(rule.id(), RuleStatus.disabled());
            return;
        }
        Map<String, Object> variables = new HashMap<>(context.variables().load(rule.id()));
        RuleRuntime runtime = new RuleRuntime(rule, triggerFactory.build(rule.rule().when()), context, variables);
        loaded.put(rule.id(), runtime);
        for (MessageTrigger trigger : runtime.triggers().messages()) {
            index.add(trigger.filter(), new Registration(runtime, trigger));
        }
        refreshWanted();
        runtime.activate();
    }

    private void remove(String ruleId, String reason) {
        RuleRuntime runtime = loaded.remove(ruleId);
        if (runtime == null) {
            return;
        }
        for (MessageTrigger trigger : runtime.triggers().messages()) {
            index.remove(trigger.filter(), new Registration(runtime, trigger));
        }
        refreshWanted();
        runtime.deactivate(reason);
    }

    private void refreshWanted() {
        wanted.replace(loaded.values().stream()
                .flatMap(runtime -> runtime.triggers().messages().stream().map(MessageTrigger::filter))
                .toList());
    }

    private record Registration(RuleRuntime runtime, MessageTrigger trigger) {
    }
}
