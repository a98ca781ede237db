package dev.roost.bench;

import io.netty.handler.codec.mqtt.MqttQoS;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntFunction;

/** Group operations on a scenario's clients, each bounded by a timeout and aborting with a clear reason. */
final class Clients {
    static final int KEEPALIVE_SECONDS = 60;
    private static final Duration DISCONNECT_GRACE = Duration.ofMillis(500);

    private Clients() {
    }

    static List<MqttClientConnection> connect(Connector connector, RunNames names, char role, int count,
                                              IntFunction<MqttClientConnection.MessageListener> listeners,
                                              Duration timeout, Result partial) {
        return connect(connector, names, role, count, listeners, true, timeout, partial);
    }

    static List<MqttClientConnection> connect(Connector connector, RunNames names, char role, int count,
                                              IntFunction<MqttClientConnection.MessageListener> listeners,
                                              boolean cleanSession, Duration timeout, Result partial) {
        List<CompletableFuture<MqttClientConnection>> pending = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            pending.add(connector.connect(names.clientId(role, i), KEEPALIVE_SECONDS, null, listeners.apply(i),
                    cleanSession));
        }
        Waits.Batch<MqttClientConnection> batch = Waits.all(pending, timeout);
        if (batch.failed() > 0) {
            disconnect(batch.succeeded());
            throw new ScenarioAbortedException(batch.failed() + " of " + count + " clients failed to connect to "
                    + connector.broker() + ": " + batch.firstError(), partial);
        }
        return batch.succeeded();
    }

    /** Subscribes every client and returns the lowest QoS the broker granted, so a downgrade is reported. */
    static int subscribe(List<MqttClientConnection> clients, String filter, MqttQoS qos, Duration timeout, Result partial) {
        List<CompletableFuture<List<Integer>>> pending = new ArrayList<>(clients.size());
        for (MqttClientConnection c : clients) {
            pending.add(c.subscribe(filter, qos));
        }
        Waits.Batch<List<Integer>> batch = Waits.all(pending, timeout);
        int lowest = qos.value();
        for (List<Integer> granted : batch.succeeded()) {
            int g = granted.isEmpty() ? 0x80 : granted.get(0);
            if (g == 0x80) {
                throw new ScenarioAbortedException("broker refused subscription to " + filter, partial);
            }
            lowest = Math.min(lowest, g);
        }
        if (batch.failed() > 0) {
            throw new ScenarioAbortedException(batch.failed() + " SUBSCRIBEs got no SUBACK: " + batch.firstError(), partial);
        }
        return lowest;
    }

    /**
     * Starts all streams together and waits for every one to settle, or for the limit; returns false if any did not
     * settle in time (their counts still say how far they got).
     */
    static boolean runStreams(List<StreamPublisher> streams, Duration limit) {
        List<CompletableFuture<StreamPublisher>> all = new ArrayList<>(streams.size());
        for (StreamPublisher s : streams) {
            all.add(s.start());
        }
        return Waits.all(all, limit).failed() == 0;
    }

    /**
     * Counts connections already closed, so a broker dropping clients under load shows in the result, and records
     * in it why the first one closed ("closed by broker" when this side did not decide to).
     */
    static int closedCount(List<MqttClientConnection> clients, Result result) {
        int closed = 0;
        for (MqttClientConnection c : clients) {
            if (!c.isOpen()) {
                if (result.get("first_close_reason") == null) {
                    result.put("first_close_reason", c.closeReason() == null ? "closed by broker" : c.closeReason());
                }
                closed++;
            }
        }
        return closed;
    }

    /** Closing before reading counters also makes every event-loop write to them visible to this thread. */
    static void disconnect(List<MqttClientConnection> clients) {
        List<CompletableFuture<Void>> closing = new ArrayList<>(clients.size());
        for (MqttClientConnection c : clients) {
            closing.add(c.disconnect(DISCONNECT_GRACE));
        }
        Waits.all(closing, DISCONNECT_GRACE.plusSeconds(5));
    }
}
