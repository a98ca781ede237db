package dev.roost.rules.model;

/**
 * Sets the rule variable {@code var} to the result of the MVEL expression {@code value}, written as
 * {@code set: { var: count, value: "rule.vars.count + 1" }}; variables survive restarts of the hub and are
 * read in expressions as {@code rule.vars.<name>}.
 */
public record SetAction(String var, String value) implements Action {
}
