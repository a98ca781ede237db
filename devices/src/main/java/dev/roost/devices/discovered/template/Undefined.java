package dev.roost.devices.discovered.template;

/**
 * Jinja's default {@code Undefined}: what a missing variable, key or attribute evaluates to. It renders as
 * nothing, is false, and equals only another undefined; {@code hint} says what was missing, for the message
 * when an operation cannot take it (arithmetic, ordering).
 */
record Undefined(String hint) {
}
