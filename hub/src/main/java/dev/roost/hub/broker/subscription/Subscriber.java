package dev.roost.hub.broker.subscription;

import dev.roost.hub.broker.message.Delivery;

/** Something that receives routed messages: a client session or an in-process client. */
public interface Subscriber {

    /**
     * Hands over one message at the given delivery QoS. Called on the broker's event loop.
     *
     * @param retainFlag      the RETAIN flag to send: true for a message sent because of a new subscription
     *                        [MQTT-3.3.1-8], or one forwarded to a Retain As Published subscription [MQTT-3.3.1-12]
     * @param subscriptionIds the identifiers of the subscriptions it matched (MQTT 5), usually none
     * @return true when this subscriber is falling behind, so the publisher should pause reading until
     *         {@link #whenRelieved} calls back; false when it keeps up
     */
    boolean deliver(Delivery delivery, int qos, boolean retainFlag, int[] subscriptionIds);

    /**
     * Whether the journal keeps this subscriber's state, its QoS 2 exchanges among it, across a restart: a client
     * session that is not clean. Those it publishes at QoS 2 reach other clients only once their receipt is durable.
     */
    default boolean isPersistent() {
        return false;
    }

    /** Runs the callback (on the broker loop) once this subscriber keeps up again; at once if it does. */
    default void whenRelieved(Runnable callback) {
        callback.run();
    }
}
