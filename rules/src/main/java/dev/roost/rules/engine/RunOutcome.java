package dev.roost.rules.engine;

/** How a run of a rule ended, in the words the run history shows. */
public enum RunOutcome {
    /** Every action ran. */
    COMPLETED,
    /** The condition turned false, so no action ran; while it stays false, further triggers are not recorded. */
    CONDITION_FALSE,
    /** The condition or an action failed; the actions after it did not run. */
    FAILED,
    /** A newer trigger of a {@code restart} rule cancelled the run (e.g. during a delay), or the rule was changed. */
    CANCELLED,
    /** A {@code single} rule was still running, so this trigger was ignored. */
    SKIPPED,
    /** The rule triggered too often and was paused by loop protection; this trigger did not run. */
    PAUSED
}
