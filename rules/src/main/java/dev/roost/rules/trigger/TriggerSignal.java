package dev.roost.rules.trigger;

/** What a message means to one trigger of a rule, which decides whether the rule runs or a pending `for` ends. */
public enum TriggerSignal {
    /** The trigger fires: evaluate the rule's condition and run it (or start its `for` wait). */
    FIRE,
    /** Nothing new, but the trigger's situation still holds: a pending `for` wait re-checks the condition. */
    HOLD,
    /** The trigger's situation has ended (e.g. the reading went back past the threshold): a pending wait ends. */
    RELEASE,
    /** The message tells this trigger nothing (e.g. a payload without a number, or a retained message on start). */
    IGNORE
}
