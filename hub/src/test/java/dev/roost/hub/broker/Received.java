package dev.roost.hub.broker;

import org.eclipse.paho.client.mqttv3.IMqttMessageListener;
import org.eclipse.paho.client.mqttv3.MqttMessage;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Collects what a subscriber receives, with bounded waits. */
public final class Received implements IMqttMessageListener {

    /** One received message. */
    public record Msg(String topic, String payload, int qos, boolean retained, boolean duplicate) {
    }

    private final LinkedBlockingQueue<Msg> queue = new LinkedBlockingQueue<>();

    @Override
    public void messageArrived(String topic, MqttMessage message) {
        queue.add(new Msg(topic, new String(message.getPayload(), StandardCharsets.UTF_8), message.getQos(),
                message.isRetained(), message.isDuplicate()));
    }

    /** The next message, or an AssertionError after the timeout. */
    public Msg next(Duration timeout) throws InterruptedException {
        Msg msg = queue.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (msg == null) {
            throw new AssertionError("no message within " + timeout);
        }
        return msg;
    }

    public Msg next() throws InterruptedException {
        return next(Duration.ofSeconds(5));
    }

    /** Exactly n messages, waiting up to the timeout for all. */
    public List<Msg> take(int n, Duration timeout) throws InterruptedException {
        List<Msg> result = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (result.size() < n) {
            Msg msg = queue.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (msg == null) {
                throw new AssertionError("got " + result.size() + " of " + n + " messages within " + timeout);
            }
            result.add(msg);
        }
        return result;
    }

    /** Asserts nothing else arrives within the quiet period. */
    public void expectNothing(Duration quiet) throws InterruptedException {
        Msg msg = queue.poll(quiet.toMillis(), TimeUnit.MILLISECONDS);
        if (msg != null) {
            throw new AssertionError("unexpected message " + msg);
        }
    }
}
