package dev.roost.rules.trigger;

/**
 * A trigger that reacts to messages on the topics matching {@link #filter()}; implementations keep the little
 * state they need per concrete topic (last payload, which side of a threshold).
 *
 * <p>Not thread-safe: confined to the rule engine's thread.
 */
public interface MessageTrigger {

    /** The MQTT topic filter of the messages this trigger wants to see. */
    String filter();

    /** A short text saying what fires, for the run history ({@code home/temperature below 18.0}). */
    String describe();

    /**
     * Tells the trigger about a message on a matching topic.
     *
     * @param value the payload parsed (a number, a map for a JSON object, else the text)
     * @param retained true when the message is a retained value replayed on subscribe: it updates what the
     *                 trigger remembers but never fires, so a restart of the hub does not replay old events
     */
    TriggerSignal offer(String topic, String payload, Object value, boolean retained);
}
