package dev.roost.hub.broker.routing;

import dev.roost.hub.broker.message.Delivery;
import dev.roost.hub.broker.message.Message;
import dev.roost.hub.broker.retain.RetainedStore;
import dev.roost.hub.broker.subscription.Route;
import dev.roost.hub.broker.subscription.Subscriber;
import dev.roost.hub.broker.subscription.SubscriptionOptions;
import dev.roost.hub.broker.subscription.SubscriptionTree;
import dev.roost.hub.broker.subscription.Targets;
import io.netty.buffer.ByteBufAllocator;

/**
 * Delivers published messages: keeps the retained copy, finds the subscribers through the subscription
 * tree and hands each one the message once, at the lower of the published and the granted QoS.
 * Confined to the broker's event loop.
 */
public final class Router {

    /**
     * What became of a published message.
     *
     * @param matched whether any subscription matched it (MQTT 5 tells the publisher when none did)
     * @param behind  a subscriber that is falling behind, for the publisher to wait on, or null
     */
    public record Routed(boolean matched, Subscriber behind) {
        static final Routed NO_MATCH = new Routed(false, null);
        static final Routed DELIVERED = new Routed(true, null);
    }

    private final SubscriptionTree subscriptions;
    private final RetainedStore retained;
    private final ByteBufAllocator alloc;

    public Router(SubscriptionTree subscriptions, RetainedStore retained, ByteBufAllocator alloc) {
        this.subscriptions = subscriptions;
        this.retained = retained;
        this.alloc = alloc;
    }

    /** Routes one message from an in-process client to every matching subscriber. */
    public Routed publish(Message message) {
        return publish(message, null);
    }

    /**
     * Routes one message to every matching subscriber.
     *
     * @param publisher the publishing session, whose No Local subscriptions are skipped; null for none
     */
    public Routed publish(Message message, Subscriber publisher) {
        if (message.retain()) {
            retained.put(message); // empty payload deletes [MQTT-3.3.1-10]
        }
        Targets targets = subscriptions.match(message.topic(), publisher);
        if (targets.isEmpty()) {
            return Routed.NO_MATCH;
        }
        Subscriber behind = null;
        // Forwarded to existing subscribers with RETAIN 0 [MQTT-3.3.1-9], unless one asked for it as published.
        boolean heldUntilDurable = message.qos() == 2 && publisher != null && publisher.isPersistent();
        try (Delivery delivery = new Delivery(message.withRetain(false), alloc, heldUntilDurable)) {
            for (int i = 0; i < targets.size(); i++) {
                Subscriber subscriber = targets.subscriber(i);
                Route route = targets.route(i);
                if (subscriber.deliver(delivery, Math.min(message.qos(), route.qos()),
                        route.retainAsPublished() && message.retain(), route.subscriptionIds())) {
                    behind = subscriber;
                }
            }
        }
        return behind == null ? Routed.DELIVERED : new Routed(true, behind);
    }

    /** Sends the retained messages matching a new subscription, with RETAIN 1 [MQTT-3.3.1-6, 3.3.1-8]. */
    public void sendRetained(String filter, SubscriptionOptions options, Subscriber subscriber) {
        int[] ids = options.route().subscriptionIds();
        long now = System.currentTimeMillis();
        retained.forEachMatching(filter, message -> {
            if (message.expired(now)) {
                return; // [MQTT-3.3.2-5]
            }
            try (Delivery delivery = new Delivery(message, alloc)) {
                subscriber.deliver(delivery, Math.min(message.qos(), options.qos()), true, ids);
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
