package dev.roost.rules.engine;

import dev.roost.rules.model.Mode;
import dev.roost.rules.sandbox.Bindings;
import dev.roost.rules.sandbox.EvaluationFailed;
import dev.roost.rules.sandbox.RuleInfo;
import dev.roost.rules.schedule.Cancellable;
import dev.roost.rules.trigger.RuleTriggers;
import dev.roost.rules.trigger.TimeTrigger;
import dev.roost.rules.trigger.TriggerSignal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One loaded rule at work: turns its triggers' signals into runs, applying its condition, its {@code for}
 * wait, its mode ({@code single}, {@code restart}, {@code queued}) and loop protection, and arms its time
 * triggers one moment at a time.
 *
 * <p>Not thread-safe: confined to the engine's thread.
 */
final class RuleRuntime {

    private static final Logger log = LoggerFactory.getLogger(RuleRuntime.class);

    private final CompiledRule rule;
    private final RuleTriggers triggers;
    private final EngineContext context;
    private final RuleInfo info;
    private final EngineEffects effects;
    private final LoopGuard loopGuard;
    private final Map<TimeTrigger, Armed> timers = new HashMap<>();
    private final Deque<QueuedRun> queue = new ArrayDeque<>();
    private RuleRun active;
    private Cancellable forWait;
    private boolean stopped;
    /** The condition's last result, so a condition that stays false is recorded once, not on every message. */
    private Boolean lastCondition;

    RuleRuntime(CompiledRule rule, RuleTriggers triggers, EngineContext context, Map<String, Object> variables) {
        this.rule = rule;
        this.triggers = triggers;
        this.context = context;
        this.info = new RuleInfo(rule.id(), Collections.unmodifiableMap(variables));
        this.effects = new EngineEffects(rule.id(), context, variables);
        this.loopGuard = new LoopGuard(context.settings().maxTriggersPerSecond());
    }

    CompiledRule rule() {
        return rule;
    }

    RuleTriggers triggers() {
        return triggers;
    }

    /** Arms the time triggers; message triggers are fed by the engine's index. */
    void activate() {
        ZonedDateTime now = context.now();
        triggers.times().forEach(trigger -> arm(trigger, now));
        context.statuses().put(rule.id(), RuleStatus.active());
    }

    /** Arms the time triggers anew from now, after the hub moved: their next moments depend on where it is. */
    void rearm() {
        if (stopped) {
            return;
        }
        disarm();
        activate();
    }

    /** Stops everything the rule has going: timers, a {@code for} wait, queued runs and the running run. */
    void deactivate(String reason) {
        stopped = true;
        disarm();
        cancelForWait();
        queue.clear();
        if (active != null) {
            active.cancel(reason);
        }
    }

    /**
     * Handles what a message meant to one of this rule's message triggers.
     *
     * @param causedByRule the message was published by a rule, so firing on it counts towards loop protection
     */
    void onSignal(String trigger, TriggerSignal signal, String topic, String payload, Object value,
                  boolean causedByRule) {
        if (stopped || signal == TriggerSignal.IGNORE) {
            return;
        }
        if (signal == TriggerSignal.FIRE) {
            if (causedByRule && loopGuard.tooMany(context.scheduler().clock().instant())) {
                pause(new TriggerEvent(trigger, topic, payload, value, context.now()));
                return;
            }
            fire(new TriggerEvent(trigger, topic, payload, value, context.now()));
        } else if (signal == TriggerSignal.RELEASE) {
            cancelForWait();
        } else if (forWait != null) {
            recheckDuringWait(new TriggerEvent(trigger, topic, payload, value, context.now()));
        }
    }

    private void arm(TimeTrigger trigger, ZonedDateTime after) {
        trigger.nextAfter(after).ifPresent(at -> timers.put(trigger, new Armed(at.toInstant(),
                context.scheduler().schedule(at.toInstant(), () -> onTime(trigger, at)))));
        publishNextRun();
    }

    private void disarm() {
        timers.values().forEach(armed -> armed.timer().cancel());
        timers.clear();
        publishNextRun();
    }

    /** The earliest armed moment, for the rule's view; none once nothing is armed. */
    private void publishNextRun() {
        timers.values().stream().map(Armed::at).min(Instant::compareTo).ifPresentOrElse(
                at -> context.nextRuns().put(rule.id(), at), () -> context.nextRuns().remove(rule.id()));
    }

    private void onTime(TimeTrigger trigger, ZonedDateTime at) {
        if (stopped) {
            return;
        }
        timers.remove(trigger);
        arm(trigger, at);
        fire(new TriggerEvent(trigger.describe(), null, null, null, at));
    }

    private void fire(TriggerEvent event) {
        Bindings bindings = bindings(event);
        Boolean condition;
        try {
            condition = rule.condition() == null ? null : rule.condition().test(bindings);
        } catch (EvaluationFailed failed) {
            lastCondition = null;
            cancelForWait();
            record(outcome(event, null, RunOutcome.FAILED, "if: " + failed.getMessage()));
            return;
        }
        boolean turnedFalse = Boolean.FALSE.equals(condition) && !Boolean.FALSE.equals(lastCondition);
        lastCondition = condition;
        if (Boolean.FALSE.equals(condition)) {
            cancelForWait();
            if (turnedFalse) {
                // A sensor reporting every few seconds would otherwise push every real run out of the history.
                record(outcome(event, false, RunOutcome.CONDITION_FALSE, null));
            }
            return;
        }
        Duration hold = rule.rule().forDuration();
        if (hold.isZero()) {
            startRun(event, bindings, condition);
        } else if (forWait == null) {
            forWait = context.scheduler().schedule(context.scheduler().clock().instant().plus(hold), () -> {
                forWait = null;
                startRun(event, bindings, condition);
            });
        }
    }

    /** A message that does not fire anew still ends a {@code for} wait when the condition no longer holds. */
    private void recheckDuringWait(TriggerEvent event) {
        if (rule.condition() == null) {
            return;
        }
        try {
            if (!rule.condition().test(bindings(event))) {
                lastCondition = false;
                cancelForWait();
                record(outcome(event, false, RunOutcome.CONDITION_FALSE, null));
            }
        } catch (EvaluationFailed failed) {
            cancelForWait();
            record(outcome(event, null, RunOutcome.FAILED, "if: " + failed.getMessage()));
        }
    }

    private void startRun(TriggerEvent event, Bindings bindings, Boolean condition) {
        if (active != null && !active.isFinished()) {
            Mode mode = rule.rule().mode();
            if (mode == Mode.SINGLE) {
                record(outcome(event, condition, RunOutcome.SKIPPED, "the previous run is still going (mode single)"));
                return;
            }
            if (mode == Mode.QUEUED) {
                enqueue(new QueuedRun(event, bindings, condition));
                return;
            }
            active.cancel("restarted by a new trigger (mode restart)");
        }
        active = new RuleRun(rule, event, bindings, condition, context.scheduler(), effects, this::finished);
        active.start();
    }

    private void enqueue(QueuedRun next) {
        if (queue.size() >= context.settings().maxQueuedRuns()) {
            record(outcome(next.event(), next.condition(), RunOutcome.SKIPPED,
                    "already " + queue.size() + " runs waiting (mode queued)"));
            return;
        }
        queue.add(next);
    }

    private void finished(RunRecord run) {
        record(run);
        QueuedRun next = queue.poll();
        if (next != null && !stopped) {
            startRun(next.event(), next.bindings(), next.condition());
        }
    }

    private void pause(TriggerEvent event) {
        int limit = loopGuard.limit();
        String reason = "triggered more than " + limit + " times within one second, which looks like a loop; "
                + "paused until the rule is saved or enabled again";
        deactivate("paused by loop protection");
        context.statuses().put(rule.id(), new RuleStatus(RuleStatus.State.PAUSED, reason));
        log.atWarn().addKeyValue("rule", rule.id()).addKeyValue("limit", limit)
                .addKeyValue("trigger", event.trigger()).log("rule paused by loop protection");
        record(outcome(event, null, RunOutcome.PAUSED, reason));
    }

    private void cancelForWait() {
        if (forWait != null) {
            forWait.cancel();
            forWait = null;
        }
    }

    private Bindings bindings(TriggerEvent event) {
        return new Bindings(event.topic(), event.payload(), event.value(), context.state(), event.at(), info);
    }

    private RunRecord outcome(TriggerEvent event, Boolean condition, RunOutcome outcome, String error) {
        return new RunRecord(rule.id(), event.at().toInstant(), event.trigger(), event.topic(),
                RunRecord.excerpt(event.payload()), condition, outcome, error, List.of());
    }

    private void record(RunRecord run) {
        try {
            context.recorder().record(run);
        } catch (RuntimeException storeFailed) {
            // The run itself happened; losing its trace must not stop the engine, but someone must hear of it.
            log.atError().addKeyValue("rule", rule.id()).addKeyValue("outcome", run.outcome())
                    .setCause(storeFailed).log("could not record a run in the history");
        }
    }

    private record QueuedRun(TriggerEvent event, Bindings bindings, Boolean condition) {
    }

    /** A time trigger's next moment and the timer waiting for it. */
    private record Armed(Instant at, Cancellable timer) {
    }
}
