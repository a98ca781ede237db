package dev.roost.rules.sandbox;

/** A 1-based line and column in an expression's text, carried by tokens and syntax nodes for error messages. */
record SourcePoint(int line, int column) {
}
