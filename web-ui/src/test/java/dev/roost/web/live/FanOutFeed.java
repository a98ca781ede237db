package dev.roost.web.live;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A live feed the test publishes into by hand, as the hub's broker would; counts who listens. */
final class FanOutFeed implements LiveFeed {

    private final List<LiveListener> listeners = new CopyOnWriteArrayList<>();

    @Override
    public LiveSubscription subscribe(LiveListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public List<LiveMessage> latest() {
        return List.of();
    }

    void publish(String topic, String payload) {
        LiveMessage message = new LiveMessage(topic, payload, Instant.parse("2026-11-25T08:00:00Z"));
        listeners.forEach(listener -> listener.onMessage(message));
    }

    int listeners() {
        return listeners.size();
    }
}
