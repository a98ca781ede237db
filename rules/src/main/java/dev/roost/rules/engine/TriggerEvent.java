package dev.roost.rules.engine;

import java.time.ZonedDateTime;

/**
 * What made a rule fire: the trigger's description, and the message (topic, payload, parsed value) for
 * message triggers; topic, payload and value are null for time triggers.
 */
record TriggerEvent(String trigger, String topic, String payload, Object value, ZonedDateTime at) {
}
