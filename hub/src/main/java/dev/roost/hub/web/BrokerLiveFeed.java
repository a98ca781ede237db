package dev.roost.hub.web;

import dev.roost.hub.broker.local.LocalClient;
import dev.roost.web.live.LiveFeed;
import dev.roost.web.live.LiveListener;
import dev.roost.web.live.LiveMessage;
import dev.roost.web.live.LiveSubscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The web UI's {@link LiveFeed} on the broker: one in-process client subscribed to {@code <base>/#}, whose
 * messages go to every open dashboard, and the last of each topic is kept for the next one to open. Listeners run on the local client's delivery thread, so they must
 * hand off anything slow (the web UI queues per browser).
 */
public final class BrokerLiveFeed implements LiveFeed {

    private static final Logger log = LoggerFactory.getLogger(BrokerLiveFeed.class);
    private static final Duration SUBSCRIBE_TIMEOUT = Duration.ofSeconds(5);
    /** Larger payloads (a camera's snapshot) are passed on but not kept, so 500 topics stay small on a Pi. */
    static final int MAX_KEPT_PAYLOAD = 4_096;

    private final List<LiveListener> listeners = new CopyOnWriteArrayList<>();
    /** Insertion-ordered by last update, the eldest dropped beyond {@link LiveFeed#MAX_LATEST}; guarded by itself. */
    private final LinkedHashMap<String, LiveMessage> latest = new LinkedHashMap<>(64, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, LiveMessage> eldest) {
            return size() > MAX_LATEST;
        }
    };
    private final Clock clock;

    private BrokerLiveFeed(Clock clock) {
        this.clock = clock;
    }

    /**
     * Subscribes {@code client} to everything under {@code baseTopic}; the caller closes the client.
     *
     * @throws IllegalStateException when the broker does not confirm the subscription in time
     */
    public static BrokerLiveFeed start(LocalClient client, String baseTopic, Clock clock) {
        BrokerLiveFeed feed = new BrokerLiveFeed(clock);
        String filter = baseTopic + "/#";
        try {
            client.subscribe(filter, 0, feed::deliver).get(SUBSCRIBE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the web UI's live feed cannot subscribe to " + filter, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while subscribing the live feed to " + filter, e);
        }
        return feed;
    }

    @Override
    public LiveSubscription subscribe(LiveListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public List<LiveMessage> latest() {
        synchronized (latest) {
            return List.copyOf(latest.values());
        }
    }

    /** How many dashboards are listening, for diagnostics and tests. */
    public int listeners() {
        return listeners.size();
    }

    private void deliver(String topic, byte[] payload, boolean retained) {
        LiveMessage message = new LiveMessage(topic, new String(payload, StandardCharsets.UTF_8), clock.instant());
        synchronized (latest) {
            // Re-inserted, so the order is by last update and the stalest topic goes first.
            latest.remove(topic);
            if (payload.length <= MAX_KEPT_PAYLOAD) {
                latest.put(topic, message);
            }
        }
        for (LiveListener listener : listeners) {
            try {
                listener.onMessage(message);
            } catch (RuntimeException e) {
                // One broken browser stream must not cost the others their updates.
                log.atWarn().addKeyValue("topic", topic).setCause(e).log("live listener failed");
            }
        }
    }
}
