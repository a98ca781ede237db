package dev.roost.hub.broker.auth;

import java.util.List;

/**
 * Topic filters a credential itself grants, e.g. the topic claims of a JSON Web Token; they replace the user's
 * stored rules for that connection. {@code %u} and {@code %c} work as in stored rules.
 */
public record TopicGrant(List<String> publish, List<String> subscribe) {

    public TopicGrant {
        publish = List.copyOf(publish);
        subscribe = List.copyOf(subscribe);
    }
}
