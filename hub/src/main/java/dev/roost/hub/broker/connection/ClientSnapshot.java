package dev.roost.hub.broker.connection;

import java.time.Instant;
import java.util.List;

/**
 * One connected client as the broker saw it at one moment, for lists such as the web UI's: taken on the
 * connection's own event loop, then read from any thread.
 *
 * @param address           the remote address and port, e.g. {@code 192.168.1.20:51234}
 * @param protocol          e.g. {@code MQTT 3.1.1}
 * @param username          null for an anonymous client
 * @param subscriptions     the client's subscriptions, at most the number asked for, in the order it made them
 * @param subscriptionCount how many subscriptions it holds in all
 * @param messagesIn        PUBLISH packets received from it since its session began
 * @param messagesOut       messages sent to it since its session began
 */
public record ClientSnapshot(String clientId, String address, String protocol, String username,
                             boolean cleanSession, Instant connectedSince, List<Subscription> subscriptions,
                             int subscriptionCount, long messagesIn, long messagesOut) {

    public ClientSnapshot {
        subscriptions = List.copyOf(subscriptions);
    }

    /** One topic filter with the QoS the broker granted. */
    public record Subscription(String filter, int qos) {
    }
}
