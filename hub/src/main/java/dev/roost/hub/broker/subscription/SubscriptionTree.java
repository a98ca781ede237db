package dev.roost.hub.broker.subscription;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * All subscriptions of the broker, as a tree of topic levels, so a message is matched by walking its
 * levels rather than by testing every filter. Confined to the broker's event loop.
 *
 * <p>A home's devices publish on a few hundred topics again and again, so the subscribers of each topic are
 * remembered until the subscriptions change; walking the tree per message cost a fifth of the broker loop.
 */
public final class SubscriptionTree {

    /** Topics whose subscribers are remembered; when full it starts over, so a topic scan cannot pin the heap. */
    private static final int REMEMBERED_TOPICS = 1024;

    private final Node root = new Node(null, null);
    private final Map<String, Targets> remembered = new HashMap<>();
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
        remembered.clear();
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
        remembered.clear();
        node.pruneIfEmpty();
        return true;
    }

    /** Every subscriber whose filters match the topic, each once, with all its matching subscriptions merged. */
    public Targets match(String topic) {
        return match(topic, null);
    }

    /**
     * Like {@link #match(String)}, leaving out the publisher's own subscriptions that asked for No Local
     * [MQTT-3.8.3-3]. What it returns stays as it is when the subscriptions change.
     *
     * @param publisher the session that published the message, or null
     */
    public Targets match(String topic, Subscriber publisher) {
        Targets known = remembered.get(topic);
        if (known != null) {
            return known;
        }
        Matches matches = new Matches(publisher);
        // [MQTT-4.7.2-1] filters starting with a wildcard do not match topics starting with '$'.
        boolean system = topic.startsWith("$");
        collect(root, Topics.split(topic), 0, system, matches);
        Targets result = matches.routes.isEmpty() ? Targets.NONE : new Targets(matches.routes);
        if (!matches.publisherDependent) {
            if (remembered.size() >= REMEMBERED_TOPICS) {
                remembered.clear();
            }
            remembered.put(topic, result);
        }
        return result;
    }

    /** The routes found for one topic, and whether a No Local subscription made them depend on the publisher. */
    private static final class Matches {
        final Subscriber publisher;
        final Map<Subscriber, Route> routes = new IdentityHashMap<>();
        boolean publisherDependent;

        Matches(Subscriber publisher) {
            this.publisher = publisher;
        }
    }

    public int size() {
        return count;
    }

    private static void collect(Node node, String[] levels, int depth, boolean system, Matches matches) {
        boolean wildcardsAllowed = !(system && depth == 0);
        if (wildcardsAllowed) {
            // "sport/#" also matches "sport" itself [MQTT-4.7.1-2].
            Node hash = node.children == null ? null : node.children.get("#");
            if (hash != null) {
                addAll(hash, matches);
            }
        }
        if (depth == levels.length) {
            addAll(node, matches);
            return;
        }
        if (node.children == null) {
            return;
        }
        Node exact = node.children.get(levels[depth]);
        if (exact != null) {
            collect(exact, levels, depth + 1, system, matches);
        }
        if (wildcardsAllowed) {
            Node plus = node.children.get("+");
            if (plus != null) {
                collect(plus, levels, depth + 1, system, matches);
            }
        }
    }

    private static void addAll(Node node, Matches matches) {
        if (node.subscribers == null) {
            return;
        }
        for (Map.Entry<Subscriber, SubscriptionOptions> entry : node.subscribers.entrySet()) {
            SubscriptionOptions options = entry.getValue();
            if (options.noLocal()) {
                matches.publisherDependent = true;
                if (entry.getKey() == matches.publisher) {
                    continue;
                }
            }
            matches.routes.merge(entry.getKey(), options.route(), Route::merge);
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
