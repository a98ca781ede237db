package dev.roost.hub.broker.subscription;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The subscribers a topic's messages go to, each once with its subscriptions' route merged, in arrays: routing
 * walks them by index for every message, where a map handed out an iterator and an entry object per subscriber.
 * Immutable; the tree remembers one per topic.
 */
public final class Targets {

    static final Targets NONE = new Targets(Map.of());

    private final Subscriber[] subscribers;
    private final Route[] routes;

    Targets(Map<Subscriber, Route> matches) {
        subscribers = new Subscriber[matches.size()];
        routes = new Route[matches.size()];
        int i = 0;
        for (Map.Entry<Subscriber, Route> match : matches.entrySet()) {
            subscribers[i] = match.getKey();
            routes[i] = match.getValue();
            i++;
        }
    }

    public int size() {
        return subscribers.length;
    }

    public boolean isEmpty() {
        return subscribers.length == 0;
    }

    public Subscriber subscriber(int index) {
        return subscribers[index];
    }

    public Route route(int index) {
        return routes[index];
    }

    /** The same as a read-only map, for looking one subscriber up. */
    public Map<Subscriber, Route> asMap() {
        Map<Subscriber, Route> map = new IdentityHashMap<>(subscribers.length);
        for (int i = 0; i < subscribers.length; i++) {
            map.put(subscribers[i], routes[i]);
        }
        return Collections.unmodifiableMap(map);
    }
}
