package dev.roost.bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.mqtt.MqttDecoder;
import io.netty.handler.codec.mqtt.MqttEncoder;
import io.netty.handler.timeout.IdleStateHandler;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Opens MQTT client connections to one broker; owns the event loops every connection runs on. */
final class Connector implements AutoCloseable {
    private static final int MAX_PACKET_BYTES = 1 << 20;

    private final InetSocketAddress broker;
    private final Duration connectTimeout;
    private final EventLoopGroup group;
    private final Bootstrap bootstrap;

    Connector(String host, int port, Duration connectTimeout, int threads) {
        // Resolved once: 10,000 connects must not mean 10,000 name lookups.
        this.broker = new InetSocketAddress(host, port);
        if (broker.isUnresolved()) {
            throw new UsageException("cannot resolve --host " + host);
        }
        this.connectTimeout = connectTimeout;
        this.group = Transport.newGroup(threads);
        this.bootstrap = new Bootstrap()
                .group(group)
                .channel(Transport.channelClass())
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) connectTimeout.toMillis());
        if (Transport.isEpoll()) {
            // Lets bind() to a chosen source address defer the port choice to connect(), which can then reuse a
            // port per destination; without it each address is limited to one ephemeral range in total.
            bootstrap.option(EpollChannelOption.IP_BIND_ADDRESS_NO_PORT, true);
        }
    }

    InetSocketAddress broker() {
        return broker;
    }

    /** How long a scenario waits for a group of CONNACKs or SUBACKs before calling the broker unresponsive. */
    Duration setupTimeout() {
        return connectTimeout.plusSeconds(5);
    }

    /**
     * Starts one connection. The future fails if TCP connect, CONNECT/CONNACK or the timeout fails.
     * A null source address lets the kernel pick, which is what almost every scenario wants.
     */
    CompletableFuture<MqttClientConnection> connect(String clientId, int keepAliveSeconds, InetAddress source,
                                                   MqttClientConnection.MessageListener listener) {
        return connect(clientId, keepAliveSeconds, source, listener, true);
    }

    /** As {@link #connect(String, int, InetAddress, MqttClientConnection.MessageListener)}, with a chosen session kind. */
    CompletableFuture<MqttClientConnection> connect(String clientId, int keepAliveSeconds, InetAddress source,
                                                   MqttClientConnection.MessageListener listener, boolean cleanSession) {
        MqttClientConnection connection = new MqttClientConnection(clientId, keepAliveSeconds, connectTimeout, listener,
                cleanSession);
        Bootstrap b = bootstrap.clone().handler(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel ch) {
                ch.pipeline().addLast(new MqttDecoder(MAX_PACKET_BYTES), MqttEncoder.INSTANCE);
                if (keepAliveSeconds > 0) {
                    // Ping at three quarters of the keepalive so a busy loop never lets the broker's 1.5x timer fire.
                    long pingMillis = keepAliveSeconds * 750L;
                    ch.pipeline().addLast(new IdleStateHandler(0, pingMillis, 0, TimeUnit.MILLISECONDS));
                }
                ch.pipeline().addLast(connection);
            }
        });
        ChannelFuture tcp = source == null ? b.connect(broker) : b.connect(broker, new InetSocketAddress(source, 0));
        tcp.addListener(f -> {
            if (!f.isSuccess()) {
                connection.connectFailed(f.cause());
            }
        });
        return connection.connected();
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(10, TimeUnit.SECONDS);
    }
}
