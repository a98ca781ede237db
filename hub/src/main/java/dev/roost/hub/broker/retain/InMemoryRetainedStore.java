package dev.roost.hub.broker.retain;

import dev.roost.hub.broker.message.Message;
import dev.roost.hub.broker.subscription.Topics;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Retained messages in a tree of topic levels, so a wildcard subscription visits only the branches it can
 * match. Bounded in count and bytes, so one client cannot fill the heap with retained topics: beyond the limits a
 * new retained value is not kept (the message is still delivered), counted and logged at most once a minute.
 * Confined to the broker's event loop.
 */
public final class InMemoryRetainedStore implements RetainedStore {

    private static final Logger log = LoggerFactory.getLogger(InMemoryRetainedStore.class);
    private static final long LOG_INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final Node root = new Node(null, null);
    private final int maxMessages;
    private final long maxBytes;
    private int size;
    private long bytes;
    private long refused;
    private long lastWarningNanos = System.nanoTime() - LOG_INTERVAL_NANOS;

    /** Without limits, for tests and embedded use. */
    public InMemoryRetainedStore() {
        this(Integer.MAX_VALUE, Long.MAX_VALUE);
    }

    public InMemoryRetainedStore(int maxMessages, long maxBytes) {
        this.maxMessages = maxMessages;
        this.maxBytes = maxBytes;
    }

    @Override
    public boolean put(Message message) {
        if (message.payload().length == 0) {
            remove(message.topic()); // [MQTT-3.3.1-10], and it is not stored [MQTT-3.3.1-11]
            return true;
        }
        Node node = find(message.topic());
        long previous = node == null || node.message == null ? 0 : cost(node.message);
        long grown = bytes - previous + cost(message);
        if ((previous == 0 && size >= maxMessages) || grown > maxBytes) {
            if (previous != 0) {
                remove(message.topic()); // an outdated value must not stand in for the one that did not fit
            }
            refuse(message.topic());
            return false;
        }
        node = root;
        for (String level : Topics.split(message.topic())) {
            node = node.childOrNew(level);
        }
        if (node.message == null) {
            size++;
        }
        bytes = grown;
        node.message = message.withRetain(true);
        return true;
    }

    @Override
    public long refused() {
        return refused;
    }

    /**
     * Heap bytes held for one retained message, counted as for a queued one ({@link Message#weight}), so the limit
     * bounds what the heap holds, not only topic and payload (a 20-byte value on a 20-byte topic holds about 270).
     */
    private static long cost(Message message) {
        return message.weight();
    }

    private void refuse(String topic) {
        refused++;
        long now = System.nanoTime();
        if (now - lastWarningNanos >= LOG_INTERVAL_NANOS) {
            lastWarningNanos = now;
            log.atWarn().addKeyValue("topic", topic).addKeyValue("retained", size).addKeyValue("bytes", bytes)
                    .addKeyValue("refusedSoFar", refused)
                    .log("retained store full (limits mqtt.maxRetainedMessages / mqtt.maxRetainedBytes):"
                            + " new retained values are delivered but not kept");
        }
    }

    private Node find(String topic) {
        Node node = root;
        for (String level : Topics.split(topic)) {
            node = node.children == null ? null : node.children.get(level);
            if (node == null) {
                return null;
            }
        }
        return node;
    }

    @Override
    public boolean remove(String topic) {
        Node node = find(topic);
        if (node == null || node.message == null) {
            return false;
        }
        bytes -= cost(node.message);
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
    public void forEachWithPrefix(String prefix, Consumer<Message> consumer) {
        String[] levels = Topics.split(prefix);
        Node node = root;
        for (int i = 0; i < levels.length - 1 && node != null; i++) {
            node = node.children == null ? null : node.children.get(levels[i]);
        }
        if (node == null || node.children == null) {
            return;
        }
        String partial = levels[levels.length - 1];
        boolean system = prefix.startsWith("$");
        for (Node child : node.children.values()) {
            if (child.level.startsWith(partial) && (node != root || system == child.level.startsWith("$"))) {
                visitAll(child, consumer);
            }
        }
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
