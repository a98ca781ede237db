package dev.roost.rules.engine;

/** How one action of a run ended. */
public enum StepOutcome {
    /** The action did what it says. */
    DONE,
    /** The action failed; see the step's detail. */
    FAILED,
    /** The run was cancelled while this action (a delay) was waiting. */
    CANCELLED
}
