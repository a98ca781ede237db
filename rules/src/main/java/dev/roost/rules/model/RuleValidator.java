package dev.roost.rules.model;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks a parsed {@link Rule} for everything that would make it fail at run time, and returns all errors
 * as values named after the document's fields ({@code id}, {@code when[0].topic}, {@code then[1].qos}).
 * A step written as one value ({@code delay: 5s}, {@code log: ...}) is named by its place alone
 * ({@code then[2]}), as Jackson names it when it cannot read it.
 *
 * <p>Stateless and thread-safe.
 */
public final class RuleValidator {

    /** Ids appear in URLs ({@code /api/rules/{id}}) and traces, so they stay in a safe, lower-case alphabet. */
    private static final Pattern ID = Pattern.compile("[a-z0-9-]+");
    /** Rule variables are read in expressions as {@code rule.vars.<name>}, so names are identifiers. */
    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final CronSyntax cronSyntax = new CronSyntax();

    /** Returns every error in the rule, in document order; an empty list means the rule can be run. */
    public List<RuleError> validate(Rule rule) {
        List<RuleError> errors = new ArrayList<>();
        checkId(rule.id(), errors);
        checkTriggers(rule.when(), errors);
        if (rule.condition() != null && rule.condition().isBlank()) {
            errors.add(new RuleError("if", "must not be blank; leave 'if' out to always run"));
        }
        if (rule.forDuration().isNegative()) {
            errors.add(new RuleError("for", "must not be negative"));
        }
        checkActions(rule.then(), errors);
        return List.copyOf(errors);
    }

    private static void checkId(String id, List<RuleError> errors) {
        if (id == null || id.isEmpty()) {
            errors.add(new RuleError("id", "is required"));
        } else if (!ID.matcher(id).matches()) {
            errors.add(new RuleError("id", "may only contain a-z, 0-9 and '-'"));
        }
    }

    private void checkTriggers(List<Trigger> when, List<RuleError> errors) {
        if (when.isEmpty()) {
            errors.add(new RuleError("when", "needs at least one trigger"));
        }
        for (int i = 0; i < when.size(); i++) {
            String at = "when[" + i + "]";
            Trigger trigger = when.get(i);
            if (trigger instanceof TopicTrigger topic) {
                addIfPresent(errors, at + ".topic", TopicSyntax.filterProblem(topic.topic()));
                checkThreshold(at, topic, errors);
            } else if (trigger instanceof CronTrigger cron) {
                checkCron(at + ".cron", cron.cron(), errors);
            } else if (trigger instanceof SunTrigger sun && sun.sun() == null) {
                errors.add(new RuleError(at + ".sun", "must be sunrise or sunset"));
            } else if (trigger instanceof OfflineTrigger offline
                    && (offline.offline() == null || !ID.matcher(offline.offline()).matches())) {
                errors.add(new RuleError(at + ".offline", "must be a device id (a-z, 0-9 and '-')"));
            }
        }
    }

    private static void checkThreshold(String at, TopicTrigger topic, List<RuleError> errors) {
        if (topic.above() != null && topic.below() != null) {
            errors.add(new RuleError(at + ".below", "use either 'above' or 'below', not both"));
        }
        if (topic.hysteresis() < 0 || topic.hysteresis().isNaN()) {
            errors.add(new RuleError(at + ".hysteresis", "must not be negative"));
        } else if (topic.hysteresis() > 0 && !topic.hasThreshold()) {
            errors.add(new RuleError(at + ".hysteresis", "needs 'above' or 'below'"));
        }
        if (topic.changes() && topic.hasThreshold()) {
            errors.add(new RuleError(at + ".changes",
                    "a threshold fires only on crossings already; leave 'changes' out"));
        }
        if (topic.field() != null && !topic.hasThreshold()) {
            errors.add(new RuleError(at + ".field", "needs 'above' or 'below'"));
        }
    }

    private void checkCron(String field, String cron, List<RuleError> errors) {
        try {
            cronSyntax.parse(cron);
        } catch (IllegalArgumentException notCron) {
            errors.add(new RuleError(field, notCron.getMessage()));
        }
    }

    private static void checkActions(List<Action> then, List<RuleError> errors) {
        if (then.isEmpty()) {
            errors.add(new RuleError("then", "needs at least one action"));
        }
        for (int i = 0; i < then.size(); i++) {
            String at = "then[" + i + "]";
            Action action = then.get(i);
            if (action instanceof PublishAction publish) {
                addIfPresent(errors, at + ".topic", TopicSyntax.nameProblem(publish.topic()));
                if (publish.qos() < 0 || publish.qos() > 2) {
                    errors.add(new RuleError(at + ".qos", "must be 0, 1 or 2"));
                }
            } else if (action instanceof DelayAction delay) {
                checkDelay(at, delay.duration(), errors);
            } else if (action instanceof SetAction set) {
                checkSet(at, set, errors);
            } else if (action instanceof LogAction log && (log.message() == null || log.message().isBlank())) {
                errors.add(new RuleError(at, "must not be blank"));
            }
        }
    }

    private static void checkSet(String at, SetAction set, List<RuleError> errors) {
        if (set.var() == null || !VARIABLE.matcher(set.var()).matches()) {
            errors.add(new RuleError(at + ".var",
                    "must be a name of letters, digits and '_', not starting with a digit"));
        }
        if (set.value() == null || set.value().isBlank()) {
            errors.add(new RuleError(at + ".value", "is required (an expression, e.g. value or 'text')"));
        }
    }

    private static void checkDelay(String field, Duration delay, List<RuleError> errors) {
        if (delay == null || delay.isNegative() || delay.isZero()) {
            errors.add(new RuleError(field, "must be a positive duration"));
        }
    }

    private static void addIfPresent(List<RuleError> errors, String field, String problem) {
        if (problem != null) {
            errors.add(new RuleError(field, problem));
        }
    }
}
