package dev.roost.rules.engine;

import dev.roost.rules.action.ActionEffects;
import dev.roost.rules.action.DelayStep;
import dev.roost.rules.action.Step;
import dev.roost.rules.sandbox.Bindings;
import dev.roost.rules.sandbox.EvaluationFailed;
import dev.roost.rules.schedule.Cancellable;
import dev.roost.rules.schedule.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One run of a rule's actions, in order: a delay waits on the scheduler (so it can be cancelled), a failing
 * action ends this run only, and the finished run is handed on as a {@link RunRecord}.
 *
 * <p>Not thread-safe: confined to the engine's thread.
 */
final class RuleRun {

    private final CompiledRule rule;
    private final TriggerEvent event;
    private final Bindings bindings;
    private final Boolean conditionResult;
    private final Scheduler scheduler;
    private final ActionEffects effects;
    private final Consumer<RunRecord> onFinish;
    private final Instant startedAt;
    private final List<StepRecord> steps = new ArrayList<>();
    private int index;
    private Cancellable waiting;
    private Instant waitStarted;
    private boolean finished;

    RuleRun(CompiledRule rule, TriggerEvent event, Bindings bindings, Boolean conditionResult, Scheduler scheduler,
            ActionEffects effects, Consumer<RunRecord> onFinish) {
        this.rule = rule;
        this.event = event;
        this.bindings = bindings;
        this.conditionResult = conditionResult;
        this.scheduler = scheduler;
        this.effects = effects;
        this.onFinish = onFinish;
        this.startedAt = scheduler.clock().instant();
    }

    void start() {
        advance();
    }

    boolean isFinished() {
        return finished;
    }

    /** Ends the run where it is; a delay being waited is recorded as cancelled. */
    void cancel(String reason) {
        if (finished) {
            return;
        }
        if (waiting != null) {
            waiting.cancel();
            waiting = null;
            steps.add(record(rule.steps().get(index), StepOutcome.CANCELLED, reason, waitStarted));
        }
        finish(RunOutcome.CANCELLED, reason);
    }

    private void advance() {
        List<Step> all = rule.steps();
        while (index < all.size()) {
            Step step = all.get(index);
            Instant stepStart = scheduler.clock().instant();
            if (step instanceof DelayStep delay) {
                waitStarted = stepStart;
                waiting = scheduler.schedule(stepStart.plus(delay.duration()), this::resumeAfterDelay);
                return;
            }
            long startNanos = System.nanoTime();
            try {
                String detail = step.perform(bindings, effects);
                steps.add(new StepRecord(index, step.kind(), StepOutcome.DONE, detail, stepStart,
                        (System.nanoTime() - startNanos) / 1_000));
            } catch (EvaluationFailed | RuntimeException failure) {
                // Recorded in the history and the run's error; the rule stays loaded for its next trigger.
                String reason = String.valueOf(failure.getMessage());
                steps.add(new StepRecord(index, step.kind(), StepOutcome.FAILED, reason, stepStart,
                        (System.nanoTime() - startNanos) / 1_000));
                finish(RunOutcome.FAILED, "then[" + index + "] (" + step.kind() + "): " + reason);
                return;
            }
            index++;
        }
        finish(RunOutcome.COMPLETED, null);
    }

    private void resumeAfterDelay() {
        if (finished) {
            return;
        }
        waiting = null;
        steps.add(record(rule.steps().get(index), StepOutcome.DONE,
                "waited " + ((DelayStep) rule.steps().get(index)).duration(), waitStarted));
        index++;
        advance();
    }

    private StepRecord record(Step step, StepOutcome outcome, String detail, Instant since) {
        Duration took = Duration.between(since, scheduler.clock().instant());
        return new StepRecord(index, step.kind(), outcome, detail, since, took.toNanos() / 1_000);
    }

    private void finish(RunOutcome outcome, String error) {
        finished = true;
        onFinish.accept(new RunRecord(rule.id(), startedAt, event.trigger(), event.topic(),
                RunRecord.excerpt(event.payload()), conditionResult, outcome, error, steps));
    }
}
