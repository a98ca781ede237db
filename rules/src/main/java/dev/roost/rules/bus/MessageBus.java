package dev.roost.rules.bus;

/**
 * The in-process publish/subscribe port the rules engine needs; the hub implements it on its broker.
 *
 * <p>Implementations apply the same ACL checks as for network clients and may be called from any thread.
 */
public interface MessageBus {

    /** Publishes one message into the broker, as an in-process client. */
    void publish(String topic, byte[] payload, int qos, boolean retain);

    /** Subscribes to a topic filter (MQTT wildcards allowed) until the returned subscription is cancelled. */
    Subscription subscribe(String topicFilter, int qos, MessageHandler handler);
}
