package dev.roost.hub.acl;

import java.util.List;

/**
 * The topic filters one subject may publish to and subscribe to. {@code %u} and {@code %c} in a filter stand for
 * the client's user name and client id.
 */
public record AclRules(List<String> publish, List<String> subscribe) {

    public AclRules {
        publish = List.copyOf(publish);
        subscribe = List.copyOf(subscribe);
    }

    public boolean isEmpty() {
        return publish.isEmpty() && subscribe.isEmpty();
    }
}
