package dev.roost.rules.engine;

import dev.roost.rules.bus.MessageBus;
import dev.roost.rules.bus.MessageHandler;
import dev.roost.rules.bus.Subscription;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A test double of the broker, which is not part of the rules module: a topic-matching fan-out with retained
 * messages, delivering synchronously to subscribers and keeping every published message for assertions.
 */
public final class InProcessBus implements MessageBus {

    /** One message as it was published. */
    public record Published(String topic, String payload, int qos, boolean retain) {
    }

    private record Subscriber(String filter, MessageHandler handler) {
    }

    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private final Map<String, byte[]> retained = new LinkedHashMap<>();
    private final List<Published> published = new ArrayList<>();

    @Override
    public void publish(String topic, byte[] payload, int qos, boolean retain) {
        published.add(new Published(topic, new String(payload, StandardCharsets.UTF_8), qos, retain));
        if (retain) {
            retained.put(topic, payload.clone());
        }
        for (Subscriber subscriber : subscribers) {
            if (matches(subscriber.filter(), topic)) {
                subscriber.handler().onMessage(topic, payload.clone(), false);
            }
        }
    }

    @Override
    public Subscription subscribe(String topicFilter, int qos, MessageHandler handler) {
        Subscriber subscriber = new Subscriber(topicFilter, handler);
        subscribers.add(subscriber);
        retained.forEach((topic, payload) -> {
            if (matches(topicFilter, topic)) {
                handler.onMessage(topic, payload.clone(), true);
            }
        });
        return () -> subscribers.remove(subscriber);
    }

    /** The payloads published to {@code topic}, in order. */
    public List<String> payloadsOn(String topic) {
        return published.stream().filter(message -> message.topic().equals(topic)).map(Published::payload).toList();
    }

    public List<Published> published() {
        return List.copyOf(published);
    }

    int subscriberCount() {
        return subscribers.size();
    }

    private static boolean matches(String filter, String topic) {
        String[] wanted = filter.split("/", -1);
        String[] levels = topic.split("/", -1);
        if (topic.startsWith("$") && (wanted[0].equals("#") || wanted[0].equals("+"))) {
            return false;
        }
        for (int i = 0; i < wanted.length; i++) {
            if (wanted[i].equals("#")) {
                return true;
            }
            if (i >= levels.length || !(wanted[i].equals("+") || wanted[i].equals(levels[i]))) {
                return false;
            }
        }
        return wanted.length == levels.length;
    }
}
