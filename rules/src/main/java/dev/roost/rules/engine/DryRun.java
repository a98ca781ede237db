package dev.roost.rules.engine;

import dev.roost.rules.action.ActionEffects;
import dev.roost.rules.action.DelayStep;
import dev.roost.rules.action.Step;
import dev.roost.rules.sandbox.Bindings;
import dev.roost.rules.sandbox.EvaluationFailed;
import dev.roost.rules.sandbox.PayloadValues;
import dev.roost.rules.sandbox.RuleInfo;
import dev.roost.rules.trigger.MessageTrigger;
import dev.roost.rules.trigger.RuleTriggers;
import dev.roost.rules.trigger.TopicFilterIndex;
import dev.roost.rules.trigger.TriggerFactory;
import dev.roost.rules.trigger.TriggerSignal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Evaluates a rule against a sample message with no side effects: fresh triggers, a copy of the rule's
 * variables, and effects that only write down what would have happened; delays are reported, not waited.
 *
 * <p>Thread-safe: every call builds its own state.
 */
public final class DryRun {

    private final TriggerFactory triggerFactory;
    private final Clock clock;
    private final Supplier<ZoneId> zone;

    /** @param zone the hub's time zone as it is at each dry run ({@code now} in a condition) */
    public DryRun(TriggerFactory triggerFactory, Clock clock, Supplier<ZoneId> zone) {
        this.triggerFactory = triggerFactory;
        this.clock = clock;
        this.zone = zone;
    }

    /** What {@code rule} would do with {@code sample}, given its current {@code variables}. */
    public DryRunReport run(CompiledRule rule, Sample sample, Map<String, Object> variables) {
        RuleTriggers triggers = triggerFactory.build(rule.rule().when());
        List<String> fired = sample.topic() == null ? timeTriggers(triggers) : messageTriggers(triggers, sample);
        if (fired.isEmpty()) {
            String why = sample.topic() == null ? "the rule has no time trigger"
                    : "no trigger of the rule fires on this message to " + sample.topic();
            return new DryRunReport(List.of(), false, null, List.of(), why);
        }
        Map<String, Object> copy = new HashMap<>(variables);
        Bindings bindings = bindings(rule, sample, copy);
        Boolean condition = null;
        if (rule.condition() != null) {
            try {
                condition = rule.condition().test(bindings);
            } catch (EvaluationFailed failed) {
                return new DryRunReport(fired, true, null, List.of(), "if: " + failed.getMessage());
            }
            if (!condition) {
                return new DryRunReport(fired, true, false, List.of(), null);
            }
        }
        return actions(rule, bindings, copy, fired, condition);
    }

    private DryRunReport actions(CompiledRule rule, Bindings bindings, Map<String, Object> variables,
                                 List<String> fired, Boolean condition) {
        List<StepRecord> steps = new ArrayList<>();
        ActionEffects onlyVariables = new ActionEffects() {
            @Override
            public void publish(String topic, String payload, int qos, boolean retain) {
                // Reported through the step's detail; a dry run publishes nothing.
            }

            @Override
            public void setVariable(String name, Object value) {
                variables.put(name, value);
            }

            @Override
            public void log(String message) {
                // Reported through the step's detail; a dry run writes no log line.
            }
        };
        Instant now = clock.instant();
        for (int i = 0; i < rule.steps().size(); i++) {
            Step step = rule.steps().get(i);
            try {
                String detail = step instanceof DelayStep delay ? "would wait " + delay.duration()
                        : "would " + step.kind() + " " + step.perform(bindings, onlyVariables);
                steps.add(new StepRecord(i, step.kind(), StepOutcome.DONE, detail, now, 0));
            } catch (EvaluationFailed | RuntimeException failure) {
                steps.add(new StepRecord(i, step.kind(), StepOutcome.FAILED, failure.getMessage(), now, 0));
                return new DryRunReport(fired, true, condition, steps,
                        "then[" + i + "] (" + step.kind() + "): " + failure.getMessage());
            }
        }
        return new DryRunReport(fired, true, condition, steps, null);
    }

    private static List<String> messageTriggers(RuleTriggers triggers, Sample sample) {
        TopicFilterIndex<MessageTrigger> index = new TopicFilterIndex<>();
        triggers.messages().forEach(trigger -> index.add(trigger.filter(), trigger));
        Object value = PayloadValues.parse(sample.payload());
        List<String> fired = new ArrayList<>();
        index.forEachMatch(sample.topic(), trigger -> {
            if (trigger.offer(sample.topic(), sample.payload(), value, false) == TriggerSignal.FIRE) {
                fired.add(trigger.describe());
            }
        });
        return fired;
    }

    private static List<String> timeTriggers(RuleTriggers triggers) {
        return triggers.times().stream().map(trigger -> trigger.describe()).limit(1).toList();
    }

    private Bindings bindings(CompiledRule rule, Sample sample, Map<String, Object> variables) {
        Map<String, Object> state = new HashMap<>();
        sample.state().forEach((topic, payload) -> state.put(topic, PayloadValues.parse(payload)));
        Object value = PayloadValues.parse(sample.payload());
        ZonedDateTime now = ZonedDateTime.ofInstant(clock.instant(), zone.get());
        return new Bindings(sample.topic(), sample.payload(), value, state, now,
                new RuleInfo(rule.id(), Collections.unmodifiableMap(variables)));
    }
}
