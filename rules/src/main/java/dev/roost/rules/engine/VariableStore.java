package dev.roost.rules.engine;

import java.util.Map;

/** Keeps rule variables across restarts of the hub; the rule store implements it on the database. */
public interface VariableStore {

    /** Every variable of a rule, by name; empty when it has none. */
    Map<String, Object> load(String ruleId);

    /** Sets one variable of a rule to a value made of numbers, text, booleans, lists and maps. */
    void save(String ruleId, String name, Object value);
}
