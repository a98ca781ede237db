package dev.roost.bench;

import io.netty.channel.EventLoop;
import io.netty.handler.codec.mqtt.MqttQoS;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Publishes at a fixed rate. Message i is due at start + i/rate, computed from the start rather than from the
 * previous send, so timer jitter never accumulates into drift; if the loop falls behind it catches up at once and
 * records how late it was, so a stalled sender is visible instead of silently lowering the rate.
 */
final class PacedPublisher {
    private final MqttClientConnection connection;
    private final String topic;
    private final MqttQoS qos;
    private final double nanosPerMessage;
    private final long total;
    private final int payloadBytes;
    private final CompletableFuture<PacedPublisher> done = new CompletableFuture<>();

    private volatile long sent;
    private volatile long failed;
    private volatile long maxLagNanos;
    private volatile long elapsedNanos;
    private long startNanos;

    PacedPublisher(MqttClientConnection connection, String topic, MqttQoS qos, int ratePerSecond, long total,
                   int payloadBytes) {
        this.connection = connection;
        this.topic = topic;
        this.qos = qos;
        this.nanosPerMessage = 1e9 / ratePerSecond;
        this.total = total;
        this.payloadBytes = payloadBytes;
    }

    /** Completes once the last message is written (acknowledgements are not awaited) or the connection drops. */
    CompletableFuture<PacedPublisher> start() {
        connection.channel().eventLoop().execute(() -> {
            startNanos = System.nanoTime();
            tick();
        });
        return done;
    }

    long sent() {
        return sent;
    }

    long failed() {
        return failed;
    }

    long maxLagNanos() {
        return maxLagNanos;
    }

    /** Wall time from the first due time to the last send, to check the achieved rate. */
    long elapsedNanos() {
        return elapsedNanos;
    }

    private long due(long index) {
        return startNanos + Math.round(index * nanosPerMessage);
    }

    private void tick() {
        long now = System.nanoTime();
        while (sent < total && due(sent) <= now && connection.isOpen()) {
            maxLagNanos = Math.max(maxLagNanos, now - due(sent));
            long sequence = sent;
            sent = sequence + 1;
            var payload = Payload.encode(connection.channel().alloc(), 0, sequence, System.nanoTime(), payloadBytes);
            connection.publish(topic, payload, qos).whenComplete((ok, error) -> {
                if (error != null) {
                    failed++;
                }
            });
            connection.flush();
            now = System.nanoTime();
        }
        if (sent >= total || !connection.isOpen()) {
            elapsedNanos = System.nanoTime() - startNanos;
            done.complete(this);
            return;
        }
        EventLoop loop = connection.channel().eventLoop();
        loop.schedule(this::tick, Math.max(0, due(sent) - System.nanoTime()), TimeUnit.NANOSECONDS);
    }
}
