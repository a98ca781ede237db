package dev.roost.hub.broker;

import dev.roost.hub.Version;
import dev.roost.hub.broker.auth.AnonymousAuthenticator;
import dev.roost.hub.broker.auth.Authenticator;
import dev.roost.hub.broker.auth.ClientIdentity;
import dev.roost.hub.broker.auth.TopicPermissions;
import dev.roost.hub.broker.connection.BrokerContext;
import dev.roost.hub.broker.connection.ConnectedClients;
import dev.roost.hub.broker.connection.SessionLifecycle;
import dev.roost.hub.broker.connection.ShutdownSignal;
import dev.roost.hub.broker.local.LocalClient;
import dev.roost.hub.broker.persistence.BrokerJournal;
import dev.roost.hub.broker.persistence.JournalEntry;
import dev.roost.hub.broker.persistence.StoredState;
import dev.roost.hub.broker.routing.Router;
import dev.roost.hub.broker.session.QueueBudget;
import dev.roost.hub.broker.session.Session;
import dev.roost.hub.broker.stats.BrokerStats;
import dev.roost.hub.broker.stats.StatsWindow;
import dev.roost.hub.broker.subscription.SubscriptionTree;
import dev.roost.hub.broker.sys.SysPublisher;
import dev.roost.hub.broker.transport.MqttChannelInitializer;
import dev.roost.hub.broker.transport.ServerTls;
import dev.roost.hub.broker.transport.Transport;
import dev.roost.hub.broker.transport.WebSocketFraming;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The MQTT broker: listeners, the shared stores and the in-process client API. All broker state lives on
 * one event loop thread (like Mosquitto's single thread, without locks); the listeners accept on another.
 */
public final class MqttBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MqttBroker.class);

    private final BrokerConfig config;
    private final Transport transport = Transport.best();
    private final EventLoopGroup acceptGroup = transport.newGroup(1);
    private final EventLoopGroup brokerGroup = transport.newGroup(1);
    private final EventLoop brokerLoop = brokerGroup.next();
    private final BrokerStats stats = new BrokerStats();
    private final ShutdownSignal shutdown = new ShutdownSignal();
    private final ChannelGroup clients = new DefaultChannelGroup("mqtt-clients", brokerLoop);
    private final List<Channel> listeners = new ArrayList<>();
    private final ConnectedClients connected = new ConnectedClients();
    private final BrokerContext context;
    private final SysPublisher sys;
    private final StatsWindow window;

    public MqttBroker(BrokerConfig config) {
        this(config, BrokerStorage.inMemory(), new AnonymousAuthenticator(config.anonymousAccess()),
                TopicPermissions.OPEN);
    }

    public MqttBroker(BrokerConfig config, BrokerStorage storage, Authenticator authenticator,
                      TopicPermissions permissions) {
        this.config = config;
        Router router = new Router(new SubscriptionTree(), storage.retained(), ByteBufAllocator.DEFAULT);
        this.context = new BrokerContext(config, router, storage.sessions(), new QueueBudget(config.maxQueuedBytes()),
                stats, authenticator, permissions, shutdown, storage.journal(), connected);
        brokerLoop.submit(() -> restore(storage.sessionsToRestore())).syncUninterruptibly();
        this.sys = new SysPublisher(router, stats, context.budget(), Version.current());
        sys.start(brokerLoop, config.sysInterval());
        this.window = new StatsWindow(stats, () -> router.subscriptions().size(), () -> router.retained().size(),
                () -> router.retained().refused());
        window.start(brokerLoop);
    }

    /** Takes back the persistent sessions kept from the last run, before any client can connect. */
    private void restore(List<StoredState.Session> stored) {
        for (StoredState.Session kept : stored) {
            if (kept.expirySeconds() == 0) {
                // Its client had set expiry 0 at DISCONNECT, or connected with it; the session ended with the crash.
                context.journal().record(new JournalEntry.SessionEnded(kept.clientId()));
                continue;
            }
            Session session = new Session(kept.clientId(), false, config.maxInflight(), config.maxQueuedMessages(),
                    context.budget(), stats, context.journal());
            session.restore(kept);
            context.sessions().put(session);
            kept.subscriptions().forEach((filter, options) -> context.router().subscriptions().subscribe(filter,
                    session, options));
            SessionLifecycle.scheduleExpiry(context, session, brokerLoop);
        }
        if (!stored.isEmpty() || context.router().retained().size() > 0) {
            log.atInfo().addKeyValue("sessions", stored.size())
                    .addKeyValue("retained", context.router().retained().size())
                    .log("persistent sessions and retained messages restored");
        }
    }

    /** The durable state as journal entries that recreate it; runs on the broker loop, for the journal's snapshots. */
    public List<JournalEntry> snapshot() {
        List<JournalEntry> entries = new ArrayList<>();
        context.router().retained().forEachMatching("#", message -> entries.add(new JournalEntry.Retained(message)));
        for (Session session : context.sessions().all()) {
            if (!session.isClean()) {
                session.snapshot(entries);
            }
        }
        return entries;
    }

    /** The broker's event loop, where all its state lives. */
    public EventLoop loop() {
        return brokerLoop;
    }

    public BrokerJournal journal() {
        return context.journal();
    }

    /** Listens for MQTT over TCP; port 0 picks a free port. Returns the bound address. */
    public InetSocketAddress start(String host, int port) {
        return listen(host, port, null, null, "mqtt");
    }

    /** Listens for MQTT over TLS; port 0 picks a free port. */
    public InetSocketAddress startTls(String host, int port, ServerTls tls) {
        return listen(host, port, null, tls, "mqtts");
    }

    /** Listens for MQTT over WebSocket on path {@code /mqtt}; port 0 picks a free port. */
    public InetSocketAddress startWebSocket(String host, int port) {
        return listen(host, port, webSocketFraming(), null, "mqtt-ws");
    }

    /** Listens for MQTT over WebSocket inside TLS (wss) on path {@code /mqtt}; port 0 picks a free port. */
    public InetSocketAddress startWebSocketTls(String host, int port, ServerTls tls) {
        return listen(host, port, webSocketFraming(), tls, "mqtt-wss");
    }

    private WebSocketFraming webSocketFraming() {
        return new WebSocketFraming("/mqtt", config.maxPacketSize() + 16);
    }

    private InetSocketAddress listen(String host, int port, WebSocketFraming webSocket, ServerTls tls,
                                     String name) {
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(acceptGroup, brokerGroup)
                .channel(transport.serverChannel())
                .option(ChannelOption.SO_BACKLOG, 1024)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(32 * 1024, 64 * 1024))
                .childHandler(new MqttChannelInitializer(context, webSocket, tls, clients));
        Channel channel = bootstrap.bind(host, port).syncUninterruptibly().channel();
        listeners.add(channel);
        InetSocketAddress address = (InetSocketAddress) channel.localAddress();
        log.atInfo().addKeyValue("listener", name).addKeyValue("address", address)
                .addKeyValue("transport", transport).log("listening");
        return address;
    }

    /** A new in-process client, for rules, devices and the web UI; its listeners run on a thread of its own. */
    public LocalClient localClient(String clientId) {
        return new LocalClient(ClientIdentity.internal(clientId), brokerLoop, context.router(), context.budget(),
                config, stats, context.permissions(), false);
    }

    /**
     * A new in-process client whose listeners run on the broker loop, a thread hop closer to the message: only
     * for listeners that never block, such as one that queues the message for a thread of its own.
     */
    public LocalClient nonBlockingLocalClient(String clientId) {
        return new LocalClient(ClientIdentity.internal(clientId), brokerLoop, context.router(), context.budget(),
                config, stats, context.permissions(), true);
    }

    public BrokerStats stats() {
        return stats;
    }

    /** The last minute of the counters, sampled every second. */
    public StatsWindow window() {
        return window;
    }

    /** The network clients connected now, by client id. */
    public ConnectedClients connectedClients() {
        return connected;
    }

    /** Runs a read of broker state on the broker loop and waits for it, e.g. for counts in the web UI. */
    public <T> T inspect(Function<BrokerContext, T> reader) {
        if (brokerLoop.inEventLoop()) {
            return reader.apply(context); // waiting on our own loop would never end
        }
        return brokerLoop.submit(() -> reader.apply(context)).syncUninterruptibly().getNow();
    }

    /**
     * Runs a read of broker state on the broker loop without waiting for it, for callers that bound their wait;
     * the reader must not keep references to mutable broker state.
     */
    public <T> CompletableFuture<T> read(Function<BrokerContext, T> reader) {
        try {
            return CompletableFuture.supplyAsync(() -> reader.apply(context), brokerLoop);
        } catch (RejectedExecutionException stopping) {
            return CompletableFuture.failedFuture(stopping);
        }
    }

    /**
     * Stops in order: no new connections, let queued writes go out, then close every client, all within
     * the given time.
     */
    public void stop(Duration grace) {
        shutdown.begin();
        sys.stop();
        window.stop();
        long deadline = System.nanoTime() + grace.toNanos();
        for (Channel listener : listeners) {
            listener.close().awaitUninterruptibly(remaining(deadline), TimeUnit.NANOSECONDS);
        }
        brokerLoop.submit(() -> clients.forEach(client -> client.pipeline().fireUserEventTriggered(
                        ShutdownSignal.CLOSING).flush())).awaitUninterruptibly(remaining(deadline),
                TimeUnit.NANOSECONDS);
        clients.close().awaitUninterruptibly(remaining(deadline), TimeUnit.NANOSECONDS);
        acceptGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        brokerGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS)
                .awaitUninterruptibly(remaining(deadline), TimeUnit.NANOSECONDS);
        log.info("broker stopped");
    }

    private static long remaining(long deadline) {
        return Math.max(0, deadline - System.nanoTime());
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(5));
    }
}
