package dev.roost.hub.broker.auth;

/**
 * Who a client is when its publishes and subscriptions are checked: the user it logged in as (null when
 * anonymous) and its client id. In-process clients (rules, devices) have a user name starting with {@code $},
 * which no login can take. A token may carry its own {@link TopicGrant}, which then replaces the user's rules.
 */
public record ClientIdentity(String username, String clientId, TopicGrant grant) {

    /** A client whose permissions are the stored rules of its user. */
    public ClientIdentity(String username, String clientId) {
        this(username, clientId, null);
    }

    /** The identity of an in-process client of the hub, e.g. {@code $roost-rules}. */
    public static ClientIdentity internal(String clientId) {
        return new ClientIdentity("$" + clientId, clientId);
    }
}
