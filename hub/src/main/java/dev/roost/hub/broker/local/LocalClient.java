package dev.roost.hub.broker.local;

import dev.roost.hub.broker.BrokerConfig;
import dev.roost.hub.broker.auth.ClientIdentity;
import dev.roost.hub.broker.auth.TopicPermissions;
import dev.roost.hub.broker.message.Message;
import dev.roost.hub.broker.routing.Router;
import dev.roost.hub.broker.session.QueueBudget;
import dev.roost.hub.broker.stats.BrokerStats;
import dev.roost.hub.broker.subscription.SubscriptionOptions;
import dev.roost.hub.broker.subscription.Topics;
import io.netty.channel.EventLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The in-process client API used by rules and devices: publish, subscribe with a callback, unsubscribe,
 * through the same routing, topic checks and memory limits as network clients, without a socket.
 * Thread-safe: calls hop onto the broker loop; callbacks run in order on this client's own thread, so a
 * slow listener never stalls the broker, or, for listeners that never block, on the broker loop itself.
 */
public final class LocalClient implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalClient.class);
    private static final int CALLBACK_QUEUE = 10_000;

    private final String clientId;
    private final ClientIdentity identity;
    private final TopicPermissions permissions;
    private final EventLoop loop;
    private final Router router;
    private final QueueBudget budget;
    private final BrokerConfig config;
    private final BrokerStats stats;
    private final ThreadPoolExecutor callbacks;
    private final Set<LocalSubscription> subscriptions = ConcurrentHashMap.newKeySet();

    /**
     * @param onBrokerLoop deliver messages to listeners on the broker loop itself, saving a thread hop; only for
     *                     listeners that never block (e.g. ones that hand the message to a queue of their own)
     */
    public LocalClient(ClientIdentity identity, EventLoop loop, Router router, QueueBudget budget,
                       BrokerConfig config, BrokerStats stats, TopicPermissions permissions, boolean onBrokerLoop) {
        this.identity = identity;
        this.clientId = identity.clientId();
        this.permissions = permissions;
        this.loop = loop;
        this.router = router;
        this.budget = budget;
        this.config = config;
        this.stats = stats;
        this.callbacks = onBrokerLoop ? null : new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(CALLBACK_QUEUE), r -> {
                    Thread t = new Thread(r, "local-" + clientId);
                    t.setDaemon(true);
                    return t;
                }, (r, executor) -> dropCallback());
    }

    public String clientId() {
        return clientId;
    }

    /**
     * Publishes a message. Completes once routed, or exceptionally with {@link IllegalArgumentException} for
     * an invalid topic and {@link IllegalStateException} when the broker refuses it (queue memory full).
     */
    public CompletableFuture<Void> publish(String topic, byte[] payload, int qos, boolean retain) {
        String problem = Topics.checkName(topic, config.maxTopicBytes(), config.maxTopicLevels());
        if (problem == null && topic.startsWith("$")) {
            problem = "clients may not publish to $ topics";
        }
        if (problem == null && (qos < 0 || qos > 2)) {
            problem = "QoS must be 0, 1 or 2";
        }
        if (problem == null && !permissions.mayPublish(identity, topic)) {
            problem = identity.username() + " may not publish here";
        }
        if (problem != null) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(topic + ": " + problem));
        }
        Message message = Message.of(topic, payload.clone(), qos, retain);
        CompletableFuture<Void> done = new CompletableFuture<>();
        loop.execute(() -> {
            stats.messagesReceived.increment();
            if (qos > 0 && budget.exhausted()) {
                stats.publishesRefused.increment();
                done.completeExceptionally(new IllegalStateException("broker queue memory full"));
                return;
            }
            router.publish(message);
            done.complete(null);
        });
        return done;
    }

    /** Subscribes; retained messages matching the filter are delivered first, as for a network client. */
    public CompletableFuture<LocalSubscription> subscribe(String filter, int qos, MessageListener listener) {
        String problem = Topics.checkFilter(filter, config.maxTopicBytes(), config.maxTopicLevels());
        if (problem == null && !permissions.maySubscribe(identity, filter)) {
            problem = identity.username() + " may not subscribe here";
        }
        if (problem != null) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(filter + ": " + problem));
        }
        LocalSubscription subscription = new LocalSubscription(this, filter, listener,
                callbacks != null ? callbacks : Runnable::run);
        subscriptions.add(subscription);
        CompletableFuture<LocalSubscription> done = new CompletableFuture<>();
        loop.execute(() -> {
            SubscriptionOptions options = SubscriptionOptions.qos(Math.min(Math.max(qos, 0), 2));
            router.subscriptions().subscribe(filter, subscription, options);
            router.sendRetained(filter, options, subscription);
            done.complete(subscription);
        });
        return done;
    }

    void unsubscribe(LocalSubscription subscription) {
        subscriptions.remove(subscription);
        loop.execute(() -> router.subscriptions().unsubscribe(subscription.filter(), subscription));
    }

    private void dropCallback() {
        stats.localCallbackDrops.increment();
        long dropped = stats.localCallbackDrops.sum();
        if (dropped % 1000 == 1) {
            log.atWarn().addKeyValue("clientId", clientId).addKeyValue("dropped", dropped)
                    .log("in-process listener too slow, messages dropped");
        }
    }

    /** Cancels every subscription of this client and stops its callback thread. */
    @Override
    public void close() {
        for (LocalSubscription subscription : subscriptions) {
            unsubscribe(subscription);
        }
        if (callbacks != null) {
            callbacks.shutdown();
        }
    }
}
