package dev.roost.hub.devices;

import dev.roost.devices.bus.DeviceBus;
import dev.roost.devices.bus.MessageHandler;
import dev.roost.devices.bus.Subscription;
import dev.roost.hub.broker.local.LocalClient;
import dev.roost.hub.broker.local.LocalSubscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The device layer's {@link DeviceBus} on the broker's in-process client: same routing, topic checks and
 * limits as a network client, no socket. Thread-safe, as {@link LocalClient} is.
 */
public final class LocalDeviceBus implements DeviceBus {

    private static final Logger log = LoggerFactory.getLogger(LocalDeviceBus.class);
    /** Subscribing only waits for one hop onto the broker loop; seconds mean the broker is stuck or stopped. */
    private static final long SUBSCRIBE_TIMEOUT_SECONDS = 5;

    private final LocalClient client;
    /** Publishes are routed in call order on the broker loop, so the last one done means all are done. */
    private final AtomicReference<CompletableFuture<Void>> last =
            new AtomicReference<>(CompletableFuture.completedFuture(null));

    public LocalDeviceBus(LocalClient client) {
        this.client = client;
    }

    @Override
    public void publish(String topic, byte[] payload, int qos, boolean retain) {
        // Devices report from their own threads and must not wait for the broker; a refusal is logged here.
        CompletableFuture<Void> routed = client.publish(topic, payload, qos, retain);
        last.set(routed);
        routed.whenComplete((done, failure) -> {
            if (failure != null) {
                log.atWarn().addKeyValue("topic", topic).addKeyValue("client", client.clientId())
                        .log("device message not published: {}", failure.getMessage());
            }
        });
    }

    /**
     * Waits until every message published so far has been routed, so the safe states and {@code offline} sent at
     * shutdown reach subscribers before the broker closes their connections.
     *
     * @return false when the broker did not route them within the timeout
     */
    public boolean awaitPublished(Duration timeout) {
        try {
            last.get().handle((done, failure) -> null).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public Subscription subscribe(String topicFilter, int qos, MessageHandler handler) {
        try {
            LocalSubscription subscription = client.subscribe(topicFilter, qos, handler::onMessage)
                    .get(SUBSCRIBE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return subscription::cancel;
        } catch (ExecutionException e) {
            throw new IllegalArgumentException("cannot subscribe to " + topicFilter + ": "
                    + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("broker did not confirm the subscription to " + topicFilter
                    + " within " + SUBSCRIBE_TIMEOUT_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while subscribing to " + topicFilter, e);
        }
    }
}
