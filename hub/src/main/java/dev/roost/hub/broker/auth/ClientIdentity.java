package dev.roost.hub.broker.auth;

/**
 * Who a client is when its publishes and subscriptions are checked: the user it logged in as (null when
 * anonymous) and its client id. In-process clients (rules, devices) have a user name starting with {@code $},
 * which no login can take.
 */
public record ClientIdentity(String username, String clientId) {

    /** The identity of an in-process client of the hub, e.g. {@code $roost-rules}. */
    public static ClientIdentity internal(String clientId) {
        return new ClientIdentity("$" + clientId, clientId);
    }
}
