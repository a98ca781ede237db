package dev.roost.hub.broker;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttException;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A well-behaved Paho client that publishes numbered QoS 1 messages to its own subscription the whole time,
 * so a test can show that misbehaving connections on the same broker cost it nothing.
 */
final class HealthyClient implements AutoCloseable {

    private static final String TOPIC = "healthy/sequence";
    private static final Duration PAUSE = Duration.ofMillis(10);

    private final MqttClient client;
    private final AtomicInteger acknowledged = new AtomicInteger();
    private final List<Integer> received = new ArrayList<>();
    private final Thread publisher;
    private volatile boolean running = true;
    private volatile Throwable failure;
    private int checked;

    private HealthyClient(MqttClient client) {
        this.client = client;
        this.publisher = new Thread(this::publishUntilClosed, "healthy-publisher");
        this.publisher.setDaemon(true);
    }

    /** Connects, subscribes at QoS 1 and starts publishing. */
    static HealthyClient start(BrokerFixture fixture) throws MqttException {
        MqttClient client = fixture.connect("healthy");
        client.setTimeToWait(5000);
        HealthyClient healthy = new HealthyClient(client);
        client.subscribe(TOPIC, 1, (topic, message) -> healthy.arrived(message.getPayload()));
        healthy.publisher.start();
        return healthy;
    }

    private void arrived(byte[] payload) {
        synchronized (received) {
            received.add(Integer.parseInt(new String(payload, StandardCharsets.UTF_8)));
        }
    }

    private void publishUntilClosed() {
        int sequence = 0;
        try {
            while (running) {
                // MqttClient.publish returns once the broker's PUBACK is in.
                client.publish(TOPIC, Integer.toString(sequence).getBytes(StandardCharsets.UTF_8), 1, false);
                acknowledged.set(++sequence);
                Thread.sleep(PAUSE.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (MqttException | RuntimeException e) {
            if (running) {
                failure = e;
            }
        }
    }

    /**
     * Waits for a message that was published after this call began, then asserts that what arrived since the
     * previous check continues the sequence 0, 1, 2, ... (nothing lost, reordered or doubled), so every
     * message acknowledged before it arrived. A gap is reported once, by the check that first sees it.
     */
    void assertDeliveredWithoutLoss(Duration timeout) throws InterruptedException {
        // Message number `acknowledged` may already be on its way; the one after it starts after this point.
        int publishedAfterNow = acknowledged.get() + 1;
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!hasReceived(publishedAfterNow) && failure == null && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(failure).as("the healthy client's publishing failed").isNull();
        assertThat(client.isConnected()).as("the healthy client is still connected").isTrue();
        assertThat(hasReceived(publishedAfterNow))
                .as("the healthy client received message %d, published after the bad connection ended",
                        publishedAfterNow)
                .isTrue();
        List<Integer> snapshot;
        synchronized (received) {
            snapshot = List.copyOf(received);
        }
        int from = checked;
        checked = snapshot.size();
        for (int i = from; i < snapshot.size(); i++) {
            int expected = i == 0 ? 0 : snapshot.get(i - 1) + 1;
            if (snapshot.get(i) != expected) {
                throw new AssertionError("healthy client: expected message " + expected + " but received "
                        + snapshot.get(i) + " (lost, reordered or duplicated)");
            }
        }
    }

    private boolean hasReceived(int sequence) {
        synchronized (received) {
            return received.contains(sequence);
        }
    }

    private int receivedCount() {
        synchronized (received) {
            return received.size();
        }
    }

    /**
     * Stops publishing, then asserts that the number of messages received equals the number the broker
     * acknowledged.
     */
    void stopAndAssertCountsMatch(Duration timeout) throws InterruptedException {
        running = false;
        publisher.join(timeout.toMillis());
        assertThat(publisher.isAlive()).as("publisher thread stopped").isFalse();
        int expected = acknowledged.get();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (receivedCount() < expected && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(receivedCount()).as("messages received vs. acknowledged").isEqualTo(expected);
    }

    @Override
    public void close() {
        running = false;
        publisher.interrupt();
    }
}
