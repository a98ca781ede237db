package dev.roost.rules.engine;

import dev.roost.rules.action.DelayStep;
import dev.roost.rules.action.LogStep;
import dev.roost.rules.action.PublishStep;
import dev.roost.rules.action.SetStep;
import dev.roost.rules.action.Step;
import dev.roost.rules.model.Action;
import dev.roost.rules.model.DelayAction;
import dev.roost.rules.model.LogAction;
import dev.roost.rules.model.PublishAction;
import dev.roost.rules.model.Rule;
import dev.roost.rules.model.RuleError;
import dev.roost.rules.model.SetAction;
import dev.roost.rules.sandbox.Expression;
import dev.roost.rules.sandbox.ExpressionCompiler;
import dev.roost.rules.sandbox.ExpressionRejected;
import java.util.ArrayList;
import java.util.List;

/**
 * Compiles a validated rule's condition, templates and expressions through the sandbox, once, so no message
 * ever pays for parsing; every refused expression is reported with its field and where in the expression.
 *
 * <p>Thread-safe: the sandbox's compiler is.
 */
public final class RuleCompiler {

    private final ExpressionCompiler expressions;

    public RuleCompiler(ExpressionCompiler expressions) {
        this.expressions = expressions;
    }

    /** Compiles a rule that passed {@link dev.roost.rules.model.RuleValidator}. */
    public CompileResult compile(Rule rule) {
        List<RuleError> errors = new ArrayList<>();
        Expression condition = null;
        if (rule.condition() != null) {
            try {
                condition = expressions.compile(rule.condition());
            } catch (ExpressionRejected rejected) {
                errors.add(error("if", rejected));
            }
        }
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < rule.then().size(); i++) {
            try {
                steps.add(step(rule.then().get(i)));
            } catch (ExpressionRejected rejected) {
                errors.add(error("then[" + i + "]" + fieldOf(rule.then().get(i)), rejected));
            }
        }
        return errors.isEmpty()
                ? CompileResult.of(new CompiledRule(rule, condition, steps))
                : CompileResult.rejected(errors);
    }

    private Step step(Action action) throws ExpressionRejected {
        if (action instanceof PublishAction publish) {
            return new PublishStep(publish.topic(), expressions.compileTemplate(publish.payload()), publish.qos(),
                    publish.retain());
        }
        if (action instanceof SetAction set) {
            return new SetStep(set.var(), expressions.compile(set.value()));
        }
        if (action instanceof LogAction log) {
            return new LogStep(expressions.compileTemplate(log.message()));
        }
        return new DelayStep(((DelayAction) action).duration());
    }

    /** The key holding the expression, as the validator names fields; a one-value step is named by its place. */
    private static String fieldOf(Action action) {
        if (action instanceof PublishAction) {
            return ".payload";
        }
        if (action instanceof SetAction) {
            return ".value";
        }
        return "";
    }

    private static RuleError error(String field, ExpressionRejected rejected) {
        String message = rejected.getMessage();
        // The sandbox names the construct in most messages already; say it once.
        String construct = message.contains(rejected.construct()) ? "" : " (" + rejected.construct() + ")";
        return new RuleError(field, "expression refused at " + message + construct);
    }
}
