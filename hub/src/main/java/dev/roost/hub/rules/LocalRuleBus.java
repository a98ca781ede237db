package dev.roost.hub.rules;

import dev.roost.hub.devices.LocalDeviceBus;
import dev.roost.rules.bus.MessageBus;
import dev.roost.rules.bus.MessageHandler;
import dev.roost.rules.bus.Subscription;

/**
 * The rules engine's {@link MessageBus} on an in-process client of the broker of its own, so its messages carry
 * the rules' identity; the same client plumbing as the devices use.
 */
public final class LocalRuleBus implements MessageBus {

    private final LocalDeviceBus client;

    public LocalRuleBus(LocalDeviceBus client) {
        this.client = client;
    }

    @Override
    public void publish(String topic, byte[] payload, int qos, boolean retain) {
        client.publish(topic, payload, qos, retain);
    }

    @Override
    public Subscription subscribe(String topicFilter, int qos, MessageHandler handler) {
        return client.subscribe(topicFilter, qos, handler::onMessage)::cancel;
    }
}
