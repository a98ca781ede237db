package dev.roost.bench;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.mqtt.MqttConnAckMessage;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttFixedHeader;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttMessageIdVariableHeader;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttPublishVariableHeader;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.codec.mqtt.MqttSubAckMessage;
import io.netty.handler.codec.mqtt.MqttVersion;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.collection.IntObjectHashMap;
import io.netty.util.collection.IntObjectMap;
import io.netty.util.concurrent.ScheduledFuture;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One MQTT 3.1.1 client session on one channel. Every bit of protocol state is touched only from the channel's
 * event loop, so there are no locks; calls from other threads hop onto that loop first.
 */
final class MqttClientConnection extends SimpleChannelInboundHandler<MqttMessage> {

    /** Called on the event loop; the payload is released after the call returns, so it must not be kept. */
    @FunctionalInterface
    interface MessageListener {
        MessageListener IGNORE = (connection, topic, payload) -> { };

        void onMessage(MqttClientConnection connection, String topic, ByteBuf payload);
    }

    private static final int MAX_PACKET_ID = 0xFFFF;

    /** What an outstanding packet id is waiting for, and who to tell when it arrives. */
    private record Pending(MqttMessageType awaiting, CompletableFuture<Object> done) {
    }

    private final String clientId;
    private final int keepAliveSeconds;
    private final Duration connackTimeout;
    private final MessageListener listener;
    private final CompletableFuture<MqttClientConnection> connected = new CompletableFuture<>();
    private final IntObjectMap<Pending> pending = new IntObjectHashMap<>();
    /** Inbound QoS 2 ids between PUBREC and PUBREL: a repeated PUBLISH with such an id must not be delivered twice. */
    private final BitSet awaitingRelease = new BitSet(MAX_PACKET_ID + 1);

    private volatile Channel channel;
    private volatile long pingResponses;
    private volatile String closeReason;
    private ScheduledFuture<?> connackTimer;
    private Runnable writableListener = () -> { };
    private int lastPacketId;
    private boolean reading;

    /** False for a persistent session, which the broker keeps (and queues for) while this client is away. */
    private final boolean cleanSession;

    MqttClientConnection(String clientId, int keepAliveSeconds, Duration connackTimeout, MessageListener listener,
                         boolean cleanSession) {
        this.cleanSession = cleanSession;
        this.clientId = clientId;
        this.keepAliveSeconds = keepAliveSeconds;
        this.connackTimeout = connackTimeout;
        this.listener = listener;
    }

    /** Completes with this connection once CONNACK accepted it; fails on refusal, timeout or a dropped socket. */
    CompletableFuture<MqttClientConnection> connected() {
        return connected;
    }

    boolean isOpen() {
        Channel ch = channel;
        return ch != null && ch.isActive();
    }

    boolean isWritable() {
        Channel ch = channel;
        return ch != null && ch.isWritable();
    }

    long pingResponses() {
        return pingResponses;
    }

    /** Why this side closed the connection, or null if it did not (the broker closed it, or it is still open). */
    String closeReason() {
        return closeReason;
    }

    Channel channel() {
        return channel;
    }

    /** Runs on the event loop whenever the socket's outbound buffer drains below the low water mark. */
    void onWritable(Runnable listener) {
        this.writableListener = listener;
    }

    /** Connector reports a TCP connect failure here, before any handler callback could. */
    void connectFailed(Throwable cause) {
        connected.completeExceptionally(cause);
    }

    /**
     * Writes a PUBLISH and takes ownership of the payload. The future completes when the message needs nothing
     * more: at once for QoS 0 (delivery is not promised), on PUBACK for QoS 1, on PUBCOMP for QoS 2.
     * Writes are not flushed; call {@link #flush()} after a burst so many messages share one syscall.
     */
    CompletableFuture<Void> publish(String topic, ByteBuf payload, MqttQoS qos) {
        Channel ch = channel;
        if (ch == null || !ch.eventLoop().inEventLoop()) {
            CompletableFuture<Void> hopped = new CompletableFuture<>();
            if (ch == null) {
                payload.release();
                hopped.completeExceptionally(new IllegalStateException("not connected"));
            } else {
                ch.eventLoop().execute(() -> {
                    publish(topic, payload, qos).whenComplete((v, e) -> complete(hopped, v, e));
                    flush();
                });
            }
            return hopped;
        }
        if (qos == MqttQoS.AT_MOST_ONCE) {
            ch.write(publishMessage(topic, payload, qos, 0), ch.voidPromise());
            return CompletableFuture.completedFuture(null);
        }
        int packetId = nextPacketId();
        if (packetId < 0 || !ch.isActive()) {
            payload.release();
            return CompletableFuture.failedFuture(new IllegalStateException(
                    packetId < 0 ? "all packet ids in flight" : "connection closed"));
        }
        CompletableFuture<Object> done = new CompletableFuture<>();
        pending.put(packetId, new Pending(qos == MqttQoS.AT_LEAST_ONCE ? MqttMessageType.PUBACK : MqttMessageType.PUBREC, done));
        ch.write(publishMessage(topic, payload, qos, packetId), ch.voidPromise());
        return done.thenApply(ignored -> null);
    }

    /** Completes with the granted QoS of each filter (0x80 means refused). */
    CompletableFuture<List<Integer>> subscribe(String filter, MqttQoS qos) {
        CompletableFuture<List<Integer>> result = new CompletableFuture<>();
        Channel ch = channel;
        if (ch == null) {
            result.completeExceptionally(new IllegalStateException("not connected"));
            return result;
        }
        ch.eventLoop().execute(() -> {
            int packetId = nextPacketId();
            if (packetId < 0 || !ch.isActive()) {
                result.completeExceptionally(new IllegalStateException("cannot subscribe: connection closed or busy"));
                return;
            }
            CompletableFuture<Object> done = new CompletableFuture<>();
            pending.put(packetId, new Pending(MqttMessageType.SUBACK, done));
            done.whenComplete((granted, e) -> complete(result, castGranted(granted), e));
            ch.writeAndFlush(MqttMessageBuilders.subscribe().messageId(packetId).addSubscription(qos, filter).build(),
                    ch.voidPromise());
        });
        return result;
    }

    /** Inside a read burst the flush is deferred to channelReadComplete, which batches acks and refills. */
    void flush() {
        Channel ch = channel;
        if (ch != null && !reading) {
            ch.flush();
        }
    }

    /**
     * Sends DISCONNECT and gives the broker a moment to close first, so TIME_WAIT lands on the broker's side and
     * repeated runs do not pile up TIME_WAIT sockets on the client's ephemeral ports.
     */
    CompletableFuture<Void> disconnect(Duration grace) {
        CompletableFuture<Void> closed = new CompletableFuture<>();
        Channel ch = channel;
        if (ch == null) {
            closed.complete(null);
            return closed;
        }
        ch.closeFuture().addListener(f -> closed.complete(null));
        if (ch.isActive()) {
            ch.writeAndFlush(MqttMessage.DISCONNECT);
            ch.eventLoop().schedule(() -> ch.close(), grace.toMillis(), TimeUnit.MILLISECONDS);
        }
        return closed;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        channel = ctx.channel();
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        connackTimer = ctx.executor().schedule(() -> {
            if (connected.completeExceptionally(new TimeoutException("no CONNACK within " + connackTimeout.toMillis() + " ms"))) {
                ctx.close();
            }
        }, connackTimeout.toMillis(), TimeUnit.MILLISECONDS);
        ctx.writeAndFlush(MqttMessageBuilders.connect()
                .protocolVersion(MqttVersion.MQTT_3_1_1)
                .clientId(clientId)
                .cleanSession(cleanSession)
                .keepAlive(keepAliveSeconds)
                .build());
        ctx.fireChannelActive();
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, MqttMessage msg) {
        reading = true;
        if (msg.decoderResult().isFailure()) {
            closeBecause(ctx, msg.decoderResult().cause());
            return;
        }
        switch (msg.fixedHeader().messageType()) {
            case CONNACK -> onConnAck(ctx, (MqttConnAckMessage) msg);
            case PUBLISH -> onPublish(ctx, (MqttPublishMessage) msg);
            case PUBACK -> finish(packetId(msg), MqttMessageType.PUBACK, null);
            case PUBREC -> onPubRec(ctx, packetId(msg));
            case PUBREL -> {
                awaitingRelease.clear(packetId(msg));
                ctx.write(reply(MqttMessageType.PUBCOMP, packetId(msg)), ctx.voidPromise());
            }
            case PUBCOMP -> finish(packetId(msg), MqttMessageType.PUBCOMP, null);
            case SUBACK -> finish(packetId(msg), MqttMessageType.SUBACK,
                    ((MqttSubAckMessage) msg).payload().grantedQoSLevels());
            case PINGRESP -> pingResponses++;
            case UNSUBACK -> { }
            default -> closeBecause(ctx, new IllegalStateException("unexpected " + msg.fixedHeader().messageType()));
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        reading = false;
        ctx.flush();
        ctx.fireChannelReadComplete();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (ctx.channel().isWritable()) {
            writableListener.run();
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof IdleStateEvent) {
            ctx.writeAndFlush(MqttMessage.PINGREQ, ctx.voidPromise());
        } else {
            ctx.fireUserEventTriggered(evt);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (connackTimer != null) {
            connackTimer.cancel(false);
        }
        ClosedChannelException closed = new ClosedChannelException();
        connected.completeExceptionally(closed);
        for (Pending p : pending.values()) {
            p.done().completeExceptionally(closed);
        }
        pending.clear();
        // A publisher blocked on writability or acks must re-check and notice the connection is gone.
        writableListener.run();
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        closeBecause(ctx, cause);
    }

    private void closeBecause(ChannelHandlerContext ctx, Throwable cause) {
        if (closeReason == null) {
            closeReason = cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        }
        connected.completeExceptionally(cause);
        ctx.close();
    }

    private void onConnAck(ChannelHandlerContext ctx, MqttConnAckMessage ack) {
        connackTimer.cancel(false);
        MqttConnectReturnCode code = ack.variableHeader().connectReturnCode();
        if (code == MqttConnectReturnCode.CONNECTION_ACCEPTED) {
            connected.complete(this);
        } else {
            closeBecause(ctx, new IllegalStateException("CONNACK refused: " + code));
        }
    }

    private void onPublish(ChannelHandlerContext ctx, MqttPublishMessage msg) {
        MqttQoS qos = msg.fixedHeader().qosLevel();
        int packetId = msg.variableHeader().packetId();
        String topic = msg.variableHeader().topicName();
        switch (qos) {
            case AT_MOST_ONCE -> listener.onMessage(this, topic, msg.payload());
            case AT_LEAST_ONCE -> {
                listener.onMessage(this, topic, msg.payload());
                ctx.write(reply(MqttMessageType.PUBACK, packetId), ctx.voidPromise());
            }
            case EXACTLY_ONCE -> {
                if (!awaitingRelease.get(packetId)) {
                    awaitingRelease.set(packetId);
                    listener.onMessage(this, topic, msg.payload());
                }
                ctx.write(reply(MqttMessageType.PUBREC, packetId), ctx.voidPromise());
            }
            default -> closeBecause(ctx, new IllegalStateException("PUBLISH with invalid QoS"));
        }
    }

    private void onPubRec(ChannelHandlerContext ctx, int packetId) {
        Pending p = pending.get(packetId);
        if (p != null && p.awaiting() == MqttMessageType.PUBREC) {
            pending.put(packetId, new Pending(MqttMessageType.PUBCOMP, p.done()));
        }
        // PUBREL is owed even for an id we no longer track, otherwise the broker keeps the message forever.
        ctx.write(reply(MqttMessageType.PUBREL, packetId), ctx.voidPromise());
    }

    private void finish(int packetId, MqttMessageType arrived, Object value) {
        Pending p = pending.get(packetId);
        if (p != null && p.awaiting() == arrived) {
            pending.remove(packetId);
            p.done().complete(value);
        }
    }

    private int nextPacketId() {
        for (int tries = 0; tries < MAX_PACKET_ID; tries++) {
            lastPacketId = lastPacketId == MAX_PACKET_ID ? 1 : lastPacketId + 1;
            if (!pending.containsKey(lastPacketId)) {
                return lastPacketId;
            }
        }
        return -1;
    }

    /** Built by hand because MqttMessageBuilders.publish() copies the payload into a heap buffer and never releases ours. */
    private static MqttPublishMessage publishMessage(String topic, ByteBuf payload, MqttQoS qos, int packetId) {
        return new MqttPublishMessage(new MqttFixedHeader(MqttMessageType.PUBLISH, false, qos, false, 0),
                new MqttPublishVariableHeader(topic, packetId), payload);
    }

    private static MqttMessage reply(MqttMessageType type, int packetId) {
        // PUBREL is the one reply whose fixed header must carry QoS 1 (MQTT 3.1.1 section 3.6.1).
        MqttQoS flags = type == MqttMessageType.PUBREL ? MqttQoS.AT_LEAST_ONCE : MqttQoS.AT_MOST_ONCE;
        return new MqttMessage(new MqttFixedHeader(type, false, flags, false, 2), MqttMessageIdVariableHeader.from(packetId));
    }

    private static int packetId(MqttMessage msg) {
        return ((MqttMessageIdVariableHeader) msg.variableHeader()).messageId();
    }

    @SuppressWarnings("unchecked")
    private static List<Integer> castGranted(Object granted) {
        return (List<Integer>) granted;
    }

    private static <T> void complete(CompletableFuture<T> target, T value, Throwable error) {
        if (error != null) {
            target.completeExceptionally(error);
        } else {
            target.complete(value);
        }
    }
}
