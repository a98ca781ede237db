package dev.roost.rules.engine;

/**
 * Whether a loaded rule is running and, when it is not, why, in words for its owner:
 * {@code PAUSED: triggered 21 times within one second (limit 20); save or enable the rule to resume}.
 */
public record RuleStatus(State state, String detail) {

    /** The states a rule can be in. */
    public enum State {
        /** Reacting to its triggers. */
        ACTIVE,
        /** Switched off by its owner ({@code enabled: false}). */
        DISABLED,
        /** Stopped by loop protection until it is saved or enabled again. */
        PAUSED,
        /** Stored, but it cannot be compiled (e.g. the sandbox now refuses an expression); see the detail. */
        INVALID
    }

    /** The status of a stored rule the engine cannot load, with the reasons. */
    public static RuleStatus invalid(String reasons) {
        return new RuleStatus(State.INVALID, reasons);
    }

    static RuleStatus active() {
        return new RuleStatus(State.ACTIVE, "");
    }

    static RuleStatus disabled() {
        return new RuleStatus(State.DISABLED, "disabled by its owner");
    }
}
