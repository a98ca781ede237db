package dev.roost.hub.broker.retain;

import dev.roost.hub.broker.message.Message;
import dev.roost.hub.broker.subscription.Topics;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Retained messages in a tree of topic levels, so a wildcard subscription visits only the branches it can
 * match. Confined to the broker's event loop.
 */
public final class InMemoryRetainedStore implements RetainedStore {

    private final Node root = new Node(null, null);
    private int size;

    @Override
    public void put(Message message) {
        if (message.payload().length == 0) {
            remove(message.topic()); // [MQTT-3.3.1-10], and it is not stored [MQTT-3.3.1-11]
            return;
        }
        Node node = root;
        for (String level : Topics.split(message.topic())) {
            node = node.childOrNew(level);
        }
        if (node.message == null) {
            size++;
        }
        node.message = message.withRetain(true);
    }

    @Override
    public boolean remove(String topic) {
        Node node = root;
        for (String level : Topics.split(topic)) {
            node = node.children == null ? null : node.children.get(level);
            if (node == null) {
                return false;
            }
        }
        if (node.message == null) {
            return false;
        }
        node.message = null;
        size--;
        prune(topic);
        return true;
    }

    @Override
    public void forEachMatching(String filter, Consumer<Message> consumer) {
        visit(root, Topics.split(filter), 0, consumer);
    }

    @Override
    public int size() {
        return size;
    }

    private static void visit(Node node, String[] filter, int depth, Consumer<Message> consumer) {
        if (depth == filter.length) {
            if (node.message != null) {
                consumer.accept(node.message);
            }
            return;
        }
        if (node.children == null) {
            return;
        }
        String level = filter[depth];
        if (level.equals("#")) {
            if (node.message != null && depth > 0) {
                consumer.accept(node.message); // "a/#" matches "a" itself
            }
            for (Node child : node.children.values()) {
                if (!(depth == 0 && child.level.startsWith("$"))) { // [MQTT-4.7.2-1]
                    visitAll(child, consumer);
                }
            }
        } else if (level.equals("+")) {
            for (Node child : node.children.values()) {
                if (!(depth == 0 && child.level.startsWith("$"))) {
                    visit(child, filter, depth + 1, consumer);
                }
            }
        } else {
            Node child = node.children.get(level);
            if (child != null) {
                visit(child, filter, depth + 1, consumer);
            }
        }
    }

    private static void visitAll(Node node, Consumer<Message> consumer) {
        if (node.message != null) {
            consumer.accept(node.message);
        }
        if (node.children != null) {
            for (Node child : node.children.values()) {
                visitAll(child, consumer);
            }
        }
    }

    private void prune(String topic) {
        Node node = root;
        for (String level : Topics.split(topic)) {
            node = node.children.get(level);
        }
        while (node.parent != null && node.message == null && (node.children == null || node.children.isEmpty())) {
            node.parent.children.remove(node.level);
            node = node.parent;
        }
    }

    private static final class Node {
        private final Node parent;
        private final String level;
        private Map<String, Node> children;
        private Message message;

        Node(Node parent, String level) {
            this.parent = parent;
            this.level = level;
        }

        Node childOrNew(String name) {
            if (children == null) {
                children = new HashMap<>(4);
            }
            return children.computeIfAbsent(name, n -> new Node(this, n));
        }
    }
}
