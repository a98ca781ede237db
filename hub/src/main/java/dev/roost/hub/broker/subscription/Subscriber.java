package dev.roost.hub.broker.subscription;

import dev.roost.hub.broker.message.Delivery;

/** Something that receives routed messages: a client session or an in-process client. */
public interface Subscriber {

    /**
     * Hands over one message at the given delivery QoS. Called on the broker's event loop.
     *
     * @param retainFlag true only when the message is sent because of a new subscription [MQTT-3.3.1-8]
     */
    void deliver(Delivery delivery, int qos, boolean retainFlag);
}
