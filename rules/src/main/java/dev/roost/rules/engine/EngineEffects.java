package dev.roost.rules.engine;

import dev.roost.rules.action.ActionEffects;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The real effects of one rule's actions: publish on the bus, keep variables in memory and the store, log. */
final class EngineEffects implements ActionEffects {

    private static final Logger log = LoggerFactory.getLogger("dev.roost.rules.RuleLog");
    /** Variables are a rule's small memory (a count, a last value), not a database. */
    static final int MAX_VARIABLES = 100;

    private final String ruleId;
    private final EngineContext context;
    private final Map<String, Object> variables;

    EngineEffects(String ruleId, EngineContext context, Map<String, Object> variables) {
        this.ruleId = ruleId;
        this.context = context;
        this.variables = variables;
    }

    @Override
    public void publish(String topic, String payload, int qos, boolean retain) {
        context.own().published(topic, payload);
        context.bus().publish(topic, payload.getBytes(StandardCharsets.UTF_8), qos, retain);
    }

    @Override
    public void setVariable(String name, Object value) {
        if (!variables.containsKey(name) && variables.size() >= MAX_VARIABLES) {
            throw new IllegalStateException(
                    "the rule has " + variables.size() + " variables already, the most it may have");
        }
        // Stored first: a variable the store refused must not look set until the next restart.
        context.variables().save(ruleId, name, value);
        variables.put(name, value);
    }

    @Override
    public void log(String message) {
        log.atInfo().addKeyValue("rule", ruleId).log(message);
    }
}
