package dev.roost.bench;

import io.netty.channel.EventLoop;
import io.netty.handler.codec.mqtt.MqttQoS;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Publishes one numbered stream as fast as the broker takes it. For QoS 1/2 at most {@code window} messages are
 * unacknowledged at a time, so throughput is not capped by one round trip per message; for every QoS it writes
 * only while the socket is writable, so a slow broker makes it wait instead of filling this JVM's memory.
 * Runs entirely on its connection's event loop.
 */
final class StreamPublisher {
    private final MqttClientConnection connection;
    private final String topic;
    private final int publisherId;
    private final MqttQoS qos;
    private final int window;
    private final int payloadSize;
    private final long limit;
    private final long deadlineNanos;
    private final CompletableFuture<StreamPublisher> done = new CompletableFuture<>();

    private volatile long sent;
    private volatile long failed;
    private volatile long startNanos;
    private volatile long lastSendNanos;
    private int inFlight;

    /**
     * @param limit         messages to send; Long.MAX_VALUE to run until the deadline
     * @param deadlineNanos System.nanoTime() after which nothing new is sent
     */
    StreamPublisher(MqttClientConnection connection, String topic, int publisherId, MqttQoS qos, int window,
                    int payloadSize, long limit, long deadlineNanos) {
        this.connection = connection;
        this.topic = topic;
        this.publisherId = publisherId;
        this.qos = qos;
        this.window = window;
        this.payloadSize = payloadSize;
        this.limit = limit;
        this.deadlineNanos = deadlineNanos;
    }

    /** Completes when everything sent is settled (acknowledged, failed, or QoS 0 written) and no more will be sent. */
    CompletableFuture<StreamPublisher> start() {
        EventLoop loop = connection.channel().eventLoop();
        loop.execute(() -> {
            startNanos = System.nanoTime();
            connection.onWritable(this::pump);
            // Without this, a stream stalled on writability past its deadline would never notice it is over.
            loop.schedule(this::pump, Math.max(0, deadlineNanos - startNanos), TimeUnit.NANOSECONDS);
            pump();
        });
        return done;
    }

    long sent() {
        return sent;
    }

    long failed() {
        return failed;
    }

    long startNanos() {
        return startNanos;
    }

    /** When the last message was written: the publish rate must not include waiting for the final acks. */
    long lastSendNanos() {
        return lastSendNanos;
    }

    private void pump() {
        if (done.isDone()) {
            return;
        }
        boolean confirmed = qos != MqttQoS.AT_MOST_ONCE;
        long sentBefore = sent;
        while (sent < limit && (!confirmed || inFlight < window) && connection.isWritable()
                && System.nanoTime() < deadlineNanos) {
            long sequence = sent;
            sent = sequence + 1;
            var payload = Payload.encode(connection.channel().alloc(), publisherId, sequence, System.nanoTime(), payloadSize);
            if (confirmed) {
                inFlight++;
                connection.publish(topic, payload, qos).whenComplete((ok, error) -> settled(error));
            } else {
                connection.publish(topic, payload, qos);
            }
        }
        if (sent != sentBefore) {
            lastSendNanos = System.nanoTime();
        }
        connection.flush();
        boolean noMoreToSend = sent >= limit || System.nanoTime() >= deadlineNanos || !connection.isOpen();
        if (noMoreToSend && inFlight == 0) {
            done.complete(this);
        }
    }

    private void settled(Throwable error) {
        inFlight--;
        if (error != null) {
            failed++;
        }
        pump();
    }
}
