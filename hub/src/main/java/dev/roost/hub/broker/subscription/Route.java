package dev.roost.hub.broker.subscription;

import java.util.Arrays;

/**
 * How a message reaches one subscriber, all its matching subscriptions taken together: the highest QoS among
 * them [MQTT-3.3.4-2], whether any keeps the RETAIN flag as published, and every subscription identifier
 * [MQTT-3.3.4-3]. Immutable.
 */
public record Route(int qos, boolean retainAsPublished, int[] subscriptionIds) {

    static final int[] NO_IDS = new int[0];
    private static final Route[] PLAIN = {new Route(0, false, NO_IDS), new Route(1, false, NO_IDS),
        new Route(2, false, NO_IDS)};

    /** A route with nothing but a QoS, shared: the usual case, which allocates nothing per message. */
    public static Route plain(int qos) {
        return PLAIN[qos];
    }

    /** Both routes together, when a subscriber has two subscriptions that match the same topic. */
    Route merge(Route other) {
        if (subscriptionIds.length == 0 && other.subscriptionIds.length == 0
                && !retainAsPublished && !other.retainAsPublished) {
            return plain(Math.max(qos, other.qos));
        }
        int[] ids = Arrays.copyOf(subscriptionIds, subscriptionIds.length + other.subscriptionIds.length);
        System.arraycopy(other.subscriptionIds, 0, ids, subscriptionIds.length, other.subscriptionIds.length);
        return new Route(Math.max(qos, other.qos), retainAsPublished || other.retainAsPublished, ids);
    }
}
