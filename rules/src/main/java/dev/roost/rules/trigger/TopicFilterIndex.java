package dev.roost.rules.trigger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A tree of MQTT topic filters, one level per node, so a message visits only the filters that can match
 * it instead of every rule: the cost of a lookup grows with the depth of the topic, not the number of rules.
 *
 * <p>Not thread-safe: confined to the rule engine's thread.
 *
 * @param <T> what is registered under a filter
 */
public final class TopicFilterIndex<T> {

    private final Node<T> root = new Node<>();
    private int size;

    /** Registers {@code value} under {@code filter}, which must be a valid MQTT topic filter. */
    public void add(String filter, T value) {
        Node<T> node = root;
        for (String level : levels(filter)) {
            node = node.children.computeIfAbsent(level, key -> new Node<>());
        }
        node.values.add(value);
        size++;
    }

    /** Removes one registration of {@code value} under {@code filter}; returns whether there was one. */
    public boolean remove(String filter, T value) {
        Node<T> node = root;
        for (String level : levels(filter)) {
            node = node.children.get(level);
            if (node == null) {
                return false;
            }
        }
        boolean removed = node.values.remove(value);
        if (removed) {
            size--;
        }
        return removed;
    }

    /** How many registrations the index holds. */
    public int size() {
        return size;
    }

    /** Whether any registered filter matches the topic name {@code topic}. */
    public boolean matchesAny(String topic) {
        boolean[] found = new boolean[1];
        forEachMatch(topic, value -> found[0] = true);
        return found[0];
    }

    /** Calls {@code action} for every value whose filter matches the topic name {@code topic}. */
    public void forEachMatch(String topic, Consumer<? super T> action) {
        List<String> levels = levels(topic);
        // Filters starting with a wildcard do not match topics starting with '$' [MQTT-4.7.2-1].
        boolean system = topic.startsWith("$");
        match(root, levels, 0, system, action);
    }

    private void match(Node<T> node, List<String> levels, int depth, boolean system, Consumer<? super T> action) {
        boolean wildcardsAllowed = !(system && depth == 0);
        if (wildcardsAllowed) {
            // '#' also matches the parent level itself: "home/#" matches "home" [MQTT-4.7.1-2].
            Node<T> multi = node.children.get("#");
            if (multi != null) {
                multi.values.forEach(action);
            }
        }
        if (depth == levels.size()) {
            node.values.forEach(action);
            return;
        }
        Node<T> exact = node.children.get(levels.get(depth));
        if (exact != null) {
            match(exact, levels, depth + 1, system, action);
        }
        if (wildcardsAllowed) {
            Node<T> single = node.children.get("+");
            if (single != null) {
                match(single, levels, depth + 1, system, action);
            }
        }
    }

    private static List<String> levels(String topic) {
        List<String> levels = new ArrayList<>(8);
        int start = 0;
        for (int slash = topic.indexOf('/'); slash >= 0; slash = topic.indexOf('/', start)) {
            levels.add(topic.substring(start, slash));
            start = slash + 1;
        }
        levels.add(topic.substring(start));
        return levels;
    }

    private static final class Node<T> {
        private final Map<String, Node<T>> children = new HashMap<>(4);
        private final List<T> values = new ArrayList<>(1);
    }
}
