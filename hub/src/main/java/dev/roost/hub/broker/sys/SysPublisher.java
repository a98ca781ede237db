package dev.roost.hub.broker.sys;

import dev.roost.hub.broker.message.Message;
import dev.roost.hub.broker.routing.Router;
import dev.roost.hub.broker.session.QueueBudget;
import dev.roost.hub.broker.stats.BrokerStats;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Publishes the broker's status as retained {@code $SYS/broker/...} topics, named like Mosquitto's so
 * existing dashboards work. Only the broker itself may publish there. Runs on the broker loop.
 */
public final class SysPublisher {

    private final Router router;
    private final BrokerStats stats;
    private final QueueBudget budget;
    private final String version;
    private final long startedNanos = System.nanoTime();
    private final LoadAverages load = new LoadAverages();
    private long lastRoundNanos = startedNanos;
    private ScheduledFuture<?> task;

    public SysPublisher(Router router, BrokerStats stats, QueueBudget budget, String version) {
        this.router = router;
        this.stats = stats;
        this.budget = budget;
        this.version = version;
        load.track("messages/received", stats.messagesReceived::sum);
        load.track("messages/sent", stats.messagesSent::sum);
        load.track("bytes/received", stats.bytesReceived::sum);
        load.track("bytes/sent", stats.bytesSent::sum);
        load.track("connections", stats.connectionsTotal::sum);
    }

    public void start(EventLoop loop, Duration interval) {
        task = loop.scheduleAtFixedRate(this::publishAll, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    public void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }

    /** The figures of one round, in publishing order. */
    Map<String, Object> snapshot() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("version", "roost " + version);
        values.put("uptime", (System.nanoTime() - startedNanos) / 1_000_000_000L + " seconds");
        values.put("clients/connected", stats.connectedClients.get());
        values.put("clients/total", stats.connectionsTotal.sum());
        values.put("messages/received", stats.messagesReceived.sum());
        values.put("messages/sent", stats.messagesSent.sum());
        values.put("messages/dropped", stats.queueOverflowDrops.sum() + stats.qos0Drops.sum()
                + stats.localCallbackDrops.sum() + stats.oversizeDrops.sum());
        values.put("messages/refused", stats.publishesRefused.sum());
        values.put("messages/denied", stats.publishesDenied.sum());
        values.put("subscriptions/denied", stats.subscriptionsDenied.sum());
        values.put("bytes/received", stats.bytesReceived.sum());
        values.put("bytes/sent", stats.bytesSent.sum());
        values.put("subscriptions/count", router.subscriptions().size());
        values.put("retained messages/count", router.retained().size());
        values.put("retained messages/refused", router.retained().refused());
        values.put("store/queued/bytes", budget.used());
        values.putAll(load.snapshot());
        return values;
    }

    private void publishAll() {
        long now = System.nanoTime();
        load.update((now - lastRoundNanos) / 1e9);
        lastRoundNanos = now;
        snapshot().forEach((name, value) -> router.publish(Message.of("$SYS/broker/" + name,
                String.valueOf(value).getBytes(StandardCharsets.UTF_8), 0, true)));
    }
}
