package dev.roost.rules.model;

/**
 * Fires on messages published to a topic matching {@code topic} (an MQTT filter, wildcards allowed).
 *
 * <p>With {@code changes} it fires only when the payload differs from the previous one on that topic. With
 * {@code above} or {@code below} it fires when the reading crosses that threshold, and again only after the
 * reading has gone back past the threshold by {@code hysteresis}, so a value wobbling around the threshold
 * fires once. The reading is the payload as a number, or the number under {@code field} of a JSON object
 * payload (without {@code field}: the object's only number).
 */
public record TopicTrigger(String topic, boolean changes, Double above, Double below, Double hysteresis, String field)
        implements Trigger {

    public TopicTrigger {
        hysteresis = hysteresis == null ? 0.0 : hysteresis;
    }

    /** A trigger on every message (or every change) of a topic, with no threshold. */
    public TopicTrigger(String topic, boolean changes) {
        this(topic, changes, null, null, null, null);
    }

    /** True when the trigger watches a numeric threshold rather than every message. */
    public boolean hasThreshold() {
        return above != null || below != null;
    }
}
