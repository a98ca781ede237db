package dev.roost.hub.broker.subscription;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * All subscriptions of the broker, as a tree of topic levels, so a message is matched by walking its
 * levels rather than by testing every filter. Confined to the broker's event loop.
 */
public final class SubscriptionTree {

    private final Node root = new Node(null, null);
    private int count;

    /** Adds or replaces a subscription with only a QoS, as MQTT 3.1.1 and in-process clients subscribe. */
    public boolean subscribe(String filter, Subscriber subscriber, int qos) {
        return subscribe(filter, subscriber, SubscriptionOptions.qos(qos));
    }

    /** Adds or replaces a subscription; returns true when it replaced an existing one [MQTT-3.8.4-3]. */
    public boolean subscribe(String filter, Subscriber subscriber, SubscriptionOptions options) {
        Node node = root;
        for (String level : Topics.split(filter)) {
            node = node.child(level, true);
        }
        SubscriptionOptions previous = node.subscribers().put(subscriber, options);
        if (previous == null) {
            count++;
        }
        return previous != null;
    }

    /** Removes a subscription; returns true when it existed. */
    public boolean unsubscribe(String filter, Subscriber subscriber) {
        Node node = root;
        for (String level : Topics.split(filter)) {
            node = node.child(level, false);
            if (node == null) {
                return false;
            }
        }
        if (node.subscribers == null || node.subscribers.remove(subscriber) == null) {
            return false;
        }
        count--;
        node.pruneIfEmpty();
        return true;
    }

    /** Every subscriber whose filters match the topic, each once, with all its matching subscriptions merged. */
    public Map<Subscriber, Route> match(String topic) {
        return match(topic, null);
    }

    /**
     * Like {@link #match(String)}, leaving out the publisher's own subscriptions that asked for No Local
     * [MQTT-3.8.3-3].
     *
     * @param publisher the session that published the message, or null
     */
    public Map<Subscriber, Route> match(String topic, Subscriber publisher) {
        Map<Subscriber, Route> result = new IdentityHashMap<>();
        String[] levels = Topics.split(topic);
        // [MQTT-4.7.2-1] filters starting with a wildcard do not match topics starting with '$'.
        boolean system = topic.startsWith("$");
        collect(root, levels, 0, system, publisher, result);
        return result;
    }

    public int size() {
        return count;
    }

    private static void collect(Node node, String[] levels, int depth, boolean system, Subscriber publisher,
                                Map<Subscriber, Route> result) {
        boolean wildcardsAllowed = !(system && depth == 0);
        if (wildcardsAllowed) {
            // "sport/#" also matches "sport" itself [MQTT-4.7.1-2].
            Node hash = node.children == null ? null : node.children.get("#");
            if (hash != null) {
                addAll(hash, publisher, result);
            }
        }
        if (depth == levels.length) {
            addAll(node, publisher, result);
            return;
        }
        if (node.children == null) {
            return;
        }
        Node exact = node.children.get(levels[depth]);
        if (exact != null) {
            collect(exact, levels, depth + 1, system, publisher, result);
        }
        if (wildcardsAllowed) {
            Node plus = node.children.get("+");
            if (plus != null) {
                collect(plus, levels, depth + 1, system, publisher, result);
            }
        }
    }

    private static void addAll(Node node, Subscriber publisher, Map<Subscriber, Route> result) {
        if (node.subscribers == null) {
            return;
        }
        for (Map.Entry<Subscriber, SubscriptionOptions> entry : node.subscribers.entrySet()) {
            SubscriptionOptions options = entry.getValue();
            if (options.noLocal() && entry.getKey() == publisher) {
                continue;
            }
            result.merge(entry.getKey(), options.route(), Route::merge);
        }
    }

    private static final class Node {
        private final Node parent;
        private final String level;
        private Map<String, Node> children;
        private Map<Subscriber, SubscriptionOptions> subscribers;

        Node(Node parent, String level) {
            this.parent = parent;
            this.level = level;
        }

        Node child(String name, boolean create) {
            if (children == null) {
                if (!create) {
                    return null;
                }
                children = new HashMap<>(4);
            }
            Node child = children.get(name);
            if (child == null && create) {
                child = new Node(this, name);
                children.put(name, child);
            }
            return child;
        }

        Map<Subscriber, SubscriptionOptions> subscribers() {
            if (subscribers == null) {
                subscribers = new IdentityHashMap<>(2);
            }
            return subscribers;
        }

        /** Drops empty nodes up the path so unsubscribed filters do not pin memory. */
        void pruneIfEmpty() {
            Node node = this;
            while (node.parent != null
                    && (node.subscribers == null || node.subscribers.isEmpty())
                    && (node.children == null || node.children.isEmpty())) {
                node.parent.children.remove(node.level);
                node = node.parent;
            }
        }
    }
}
