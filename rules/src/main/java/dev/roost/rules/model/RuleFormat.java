package dev.roost.rules.model;

/** The notations a rule document may be written in; both read into the same model. */
public enum RuleFormat {
    YAML,
    JSON
}
