package dev.roost.hub.broker.routing;

import dev.roost.hub.broker.message.Delivery;
import dev.roost.hub.broker.message.Message;
import dev.roost.hub.broker.retain.RetainedStore;
import dev.roost.hub.broker.subscription.Subscriber;
import dev.roost.hub.broker.subscription.SubscriptionTree;
import io.netty.buffer.ByteBufAllocator;

import java.util.Map;

/**
 * Delivers published messages: keeps the retained copy, finds the subscribers through the subscription
 * tree and hands each one the message once, at the lower of the published and the granted QoS.
 * Confined to the broker's event loop.
 */
public final class Router {

    private final SubscriptionTree subscriptions;
    private final RetainedStore retained;
    private final ByteBufAllocator alloc;

    public Router(SubscriptionTree subscriptions, RetainedStore retained, ByteBufAllocator alloc) {
        this.subscriptions = subscriptions;
        this.retained = retained;
        this.alloc = alloc;
    }

    /**
     * Routes one message to every matching subscriber.
     *
     * @return a subscriber that is falling behind, for the publisher to wait on, or null when all keep up
     */
    public Subscriber publish(Message message) {
        if (message.retain()) {
            retained.put(message); // empty payload deletes [MQTT-3.3.1-10]
        }
        Map<Subscriber, Integer> targets = subscriptions.match(message.topic());
        if (targets.isEmpty()) {
            return null;
        }
        Subscriber behind = null;
        // Forwarded to existing subscribers with RETAIN 0 [MQTT-3.3.1-9].
        try (Delivery delivery = new Delivery(message.withRetain(false), alloc)) {
            for (Map.Entry<Subscriber, Integer> target : targets.entrySet()) {
                Subscriber subscriber = target.getKey();
                if (subscriber.deliver(delivery, Math.min(message.qos(), target.getValue()), false)) {
                    behind = subscriber;
                }
            }
        }
        return behind;
    }

    /** Sends the retained messages matching a new subscription, with RETAIN 1 [MQTT-3.3.1-6, 3.3.1-8]. */
    public void sendRetained(String filter, int grantedQos, Subscriber subscriber) {
        retained.forEachMatching(filter, message -> {
            try (Delivery delivery = new Delivery(message, alloc)) {
                subscriber.deliver(delivery, Math.min(message.qos(), grantedQos), true);
            }
        });
    }

    public SubscriptionTree subscriptions() {
        return subscriptions;
    }

    public RetainedStore retained() {
        return retained;
    }
}
