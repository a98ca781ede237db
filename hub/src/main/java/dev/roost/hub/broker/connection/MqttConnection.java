package dev.roost.hub.broker.connection;

import dev.roost.hub.broker.OncePerMinute;
import dev.roost.hub.broker.auth.CertificateUser;
import dev.roost.hub.broker.auth.ClientIdentity;
import dev.roost.hub.broker.auth.Verdict;
import dev.roost.hub.broker.codec.ControlPackets;
import dev.roost.hub.broker.codec.MalformedPacket;
import dev.roost.hub.broker.codec.NettyCodecVersion;
import dev.roost.hub.broker.codec.PropertyValues;
import dev.roost.hub.broker.message.Delivery;
import dev.roost.hub.broker.message.Message;
import dev.roost.hub.broker.message.MessageProperties;
import dev.roost.hub.broker.message.PublishEncoder;
import dev.roost.hub.broker.routing.Router;
import dev.roost.hub.broker.session.ClientLink;
import dev.roost.hub.broker.session.Session;
import dev.roost.hub.broker.subscription.Subscriber;
import dev.roost.hub.broker.subscription.Topics;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.mqtt.MqttConnAckMessage;
import io.netty.handler.codec.mqtt.MqttConnectMessage;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttFixedHeader;
import io.netty.handler.codec.mqtt.MqttIdentifierRejectedException;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageIdVariableHeader;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttPubReplyMessageVariableHeader;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttReasonCodeAndPropertiesVariableHeader;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.codec.mqtt.MqttSubscribeMessage;
import io.netty.handler.codec.mqtt.MqttUnacceptableProtocolVersionException;
import io.netty.handler.codec.mqtt.MqttUnsubscribeMessage;
import io.netty.handler.codec.mqtt.MqttVersion;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import javax.net.ssl.SSLException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One client's network connection: receives its packets (one method per packet type) and is the
 * {@link ClientLink} its session sends through. It speaks MQTT 3.1, 3.1.1 and 5, the last with reason codes
 * in acknowledgements and a DISCONNECT that says why the server closes. One instance per channel, confined to
 * the broker loop.
 */
public final class MqttConnection extends ChannelInboundHandlerAdapter implements ClientLink {

    private static final Logger log = LoggerFactory.getLogger(MqttConnection.class);
    private static final long MAX_PAUSE_MILLIS = 1000;
    /** Room for about 800 acknowledgements, or 40 small messages, in one buffer. */
    private static final int SMALL_PACKETS_BUFFER_BYTES = 4096;
    /**
     * A PUBLISH up to this size goes into the buffer of small packets: copying it there costs less than a buffer of
     * its own (or a duplicate of one shared in fan-out) and a pass through the pipeline, which each packet took
     * before. Most of what a home sends is this small.
     */
    private static final int SMALL_PUBLISH_BYTES = 512;

    private final BrokerContext broker;
    private final SubscribeHandler subscribeHandler;
    private final OrderedAcks acks;
    private ChannelHandlerContext ctx;
    private ScheduledFuture<?> connectDeadline;
    private Session session;
    private String clientId;
    private ClientIdentity identity;
    private LastWill will;
    private ConnectRequest request;
    private boolean mqtt5;
    private final OncePerMinute refusalLog = new OncePerMinute();
    private boolean connected;
    /** Set when CONNECT is accepted, for the list of connected clients. */
    private Instant connectedSince;
    /** Between a valid CONNECT and the authenticator's answer; packets meanwhile are held, not processed. */
    private boolean authenticating;
    private final HeldPackets held = new HeldPackets();
    /** Set once the connection is being closed; packets still in the read buffer are ignored. */
    private boolean closing;
    private boolean flushScheduled;
    /** Reading paused because a subscriber of this client's messages is behind; the number tells pauses apart. */
    private int pauseGeneration;
    private boolean pausedForSubscribers;
    private boolean warnedAboutDeniedPublish;
    /**
     * The topic of the previous PUBLISH routed, checked, and its UTF-8 form. A device publishes on the same few
     * topics over and over: a repeated topic is not checked again, and messages queued for an absent subscriber
     * share one copy of it instead of each holding two (a third less heap per queued message).
     */
    private String lastTopic;
    private byte[] lastTopicBytes;
    private final Runnable flushTask = this::flushNow;
    /**
     * Small packets written since the last flush, gathered in one buffer: acknowledgements (a group commit releases
     * hundreds at once) and small PUBLISHes. One buffer and one pass through the pipeline each would cost
     * more than the bytes. Any other write sends it first, so the order on the wire is the order of writing.
     */
    private ByteBuf pendingSmall;

    public MqttConnection(BrokerContext broker) {
        this.broker = broker;
        this.subscribeHandler = new SubscribeHandler(broker);
        this.acks = new OrderedAcks(broker.journal(), this::writePublishAck);
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        long timeout = broker.config().connectTimeout().toMillis();
        connectDeadline = ctx.executor().schedule(() -> {
            log.atDebug().addKeyValue("remote", ctx.channel().remoteAddress()).log("no CONNECT in time, closing");
            ctx.close();
        }, timeout, TimeUnit.MILLISECONDS);
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof MalformedPacket malformed) {
            if (!closing) {
                onMalformed(malformed.cause());
            }
            return;
        }
        MqttMessage message = (MqttMessage) msg;
        if (authenticating && !closing) {
            if (!held.hold(message)) {
                violation("more than " + HeldPackets.MAX + " packets before CONNACK");
            }
            return;
        }
        try {
            if (!closing) {
                dispatch(message);
            }
        } finally {
            ReferenceCountUtil.release(message);
        }
    }

    private void dispatch(MqttMessage message) {
        MqttMessageType type = message.fixedHeader().messageType();
        if (!connected && type != MqttMessageType.CONNECT) {
            violation("first packet must be CONNECT, got " + type); // [MQTT-3.1.0-1]
            return;
        }
        switch (type) {
            case CONNECT -> onConnect((MqttConnectMessage) message);
            case PUBLISH -> onPublish((MqttPublishMessage) message);
            case PUBACK -> onPublishAck(message, false);
            case PUBREC -> onPublishAck(message, true);
            case PUBREL -> onPubRel(packetId(message));
            case PUBCOMP -> session.completed(packetId(message));
            case SUBSCRIBE -> onSubscribe((MqttSubscribeMessage) message);
            case UNSUBSCRIBE -> onUnsubscribe((MqttUnsubscribeMessage) message);
            case PINGREQ -> writeMessage(new MqttMessage(
                    new MqttFixedHeader(MqttMessageType.PINGRESP, false, MqttQoS.AT_MOST_ONCE, false, 0)));
            case DISCONNECT -> onDisconnect(message);
            default -> violation("a client may not send " + type);
        }
    }

    // ---- CONNECT ----

    private void onConnect(MqttConnectMessage connect) {
        if (connected) {
            violation("second CONNECT"); // [MQTT-3.1.0-2]
            return;
        }
        connectDeadline.cancel(false);
        request = ConnectRequest.of(connect);
        mqtt5 = request.mqtt5();
        ConnectCheck.Outcome outcome = ConnectCheck.check(connect, request, broker.config());
        if (outcome.violation() != null) {
            violation(outcome.violation());
            return;
        }
        if (outcome.code() != MqttConnectReturnCode.CONNECTION_ACCEPTED) {
            refuse(outcome.code(), connect.payload().clientIdentifier());
            return;
        }
        CompletableFuture<Verdict> verdict = broker.authenticator().authenticate(
                connect.payload().clientIdentifier(), connect.payload().userName(),
                connect.payload().passwordInBytes(), ctx.channel().attr(CertificateUser.ATTRIBUTE).get(),
                remoteAddress()).toCompletableFuture();
        if (verdict.isDone()) {
            afterAuthentication(connect, verdict.join());
            return;
        }
        authenticating = true;
        updateAutoRead();
        verdict.whenComplete((answer, failure) -> ctx.executor().execute(() -> {
            if (failure != null) {
                log.atError().setCause(failure).addKeyValue("remote", ctx.channel().remoteAddress())
                        .log("authentication failed unexpectedly");
            }
            authenticating = false;
            afterAuthentication(connect, failure == null ? answer
                    : Verdict.refused(MqttConnectReturnCode.CONNECTION_REFUSED_SERVER_UNAVAILABLE));
        }));
    }

    private void afterAuthentication(MqttConnectMessage connect, Verdict verdict) {
        MqttConnectReturnCode code = verdict.code();
        if (closing || !ctx.channel().isActive()) {
            held.discard();
            return;
        }
        if (code == MqttConnectReturnCode.CONNECTION_ACCEPTED && broker.shutdown().stopping()) {
            code = MqttConnectReturnCode.CONNECTION_REFUSED_SERVER_UNAVAILABLE;
        } else if (code == MqttConnectReturnCode.CONNECTION_ACCEPTED
                && broker.stats().connectedClients.get() >= broker.config().maxConnections()) {
            code = MqttConnectReturnCode.CONNECTION_REFUSED_QUOTA_EXCEEDED;
        }
        if (code != MqttConnectReturnCode.CONNECTION_ACCEPTED) {
            held.discard(); // [MQTT-3.1.4-5]
            refuse(code, connect.payload().clientIdentifier());
            return;
        }
        accept(connect, verdict);
        updateAutoRead();
        held.replay(this::dispatchUnlessClosing);
    }

    private void dispatchUnlessClosing(MqttMessage message) {
        if (!closing) {
            dispatch(message);
        }
    }

    private void accept(MqttConnectMessage connect, Verdict verdict) {
        clientId = connect.payload().clientIdentifier();
        boolean assigned = clientId.isEmpty();
        if (assigned) {
            clientId = SessionLifecycle.assignClientId(broker.sessions()); // [MQTT-3.1.3-6]
        }
        identity = new ClientIdentity(verdict.username(), clientId, verdict.grant());
        will = LastWill.of(connect, request, identity);
        SessionLifecycle.Opened opened = SessionLifecycle.open(broker, clientId, request);
        session = opened.session();
        connected = true;
        connectedSince = Instant.now();
        broker.connected().add(clientId, this);
        broker.stats().connectedClients.incrementAndGet();
        broker.stats().connectionsTotal.increment();
        int keepAlive = connect.variableHeader().keepAliveTimeSeconds();
        int serverKeepAlive = mqtt5 ? ConnectCheck.serverKeepAlive(keepAlive, broker.config()) : keepAlive;
        installKeepAlive(serverKeepAlive);
        writeMessage(ConnAcks.accepted(request, broker.config(), opened.present(), assigned ? clientId : null,
                keepAlive, serverKeepAlive));
        log.atInfo().addKeyValue("clientId", clientId).addKeyValue("remote", ctx.channel().remoteAddress())
                .addKeyValue("protocol", protocolName()).addKeyValue("cleanStart", request.cleanStart())
                .addKeyValue("sessionExpiry", request.sessionExpiry())
                .addKeyValue("sessionPresent", opened.present()).log("client connected");
        session.attach(this);
    }

    private String protocolName() {
        MqttVersion version = request.version();
        return version == MqttVersion.MQTT_3_1 ? "MQTT 3.1" : version == MqttVersion.MQTT_5 ? "MQTT 5.0"
                : "MQTT 3.1.1";
    }

    private void refuse(MqttConnectReturnCode code, String requestedId) {
        MqttConnAckMessage refusal = ConnAcks.refused(mqtt5, code);
        log.atInfo().addKeyValue("clientId", requestedId).addKeyValue("remote", ctx.channel().remoteAddress())
                .addKeyValue("code", refusal.variableHeader().connectReturnCode()).log("connection refused");
        closing = true;
        ctx.writeAndFlush(refusal).addListener(f -> ctx.close()); // [MQTT-3.2.2-5]
    }

    /** The keepalive is enforced at one and a half times the client's value [MQTT-3.1.2-24]. */
    private void installKeepAlive(int seconds) {
        if (seconds > 0) {
            ctx.pipeline().addFirst("keepalive",
                    new IdleStateHandler(seconds * 1500L, 0, 0, TimeUnit.MILLISECONDS));
        }
    }

    // ---- PUBLISH and its acknowledgements ----

    private void onPublish(MqttPublishMessage publish) {
        broker.stats().messagesReceived.increment();
        session.countReceived();
        String topic = publish.variableHeader().topicName();
        int qos = publish.fixedHeader().qosLevel().value();
        int packetId = publish.variableHeader().packetId();
        MessageProperties properties = MessageProperties.NONE;
        if (mqtt5) {
            // Before the topic: with an alias the topic may be empty, and the alias is what is wrong.
            MqttProperties received = publish.variableHeader().properties();
            String wrong = Mqtt5Publish.violation(received, broker.config());
            if (wrong != null) {
                violation(wrong, wrong.startsWith("topic alias") ? ReasonCodes.TOPIC_ALIAS_INVALID
                        : ReasonCodes.PROTOCOL_ERROR);
                return;
            }
            properties = MessageProperties.from(received, System.currentTimeMillis());
        }
        String problem = lastTopic != null && lastTopic.equals(topic) ? null : Topics.checkName(topic,
                broker.config().maxTopicBytes(), broker.config().maxTopicLevels());
        if (problem != null) {
            violation("PUBLISH topic: " + problem);
            return;
        }
        if (qos > 0 && (broker.budget().exhausted() || !broker.journal().accepting())) {
            refuseUnstorable(qos, packetId);
            return;
        }
        long before = broker.journal().lastTicket();
        int reasonCode = ReasonCodes.SUCCESS;
        // A QoS 2 re-delivery is acknowledged again but not routed again [MQTT-4.3.3-2]. Its receipt is recorded
        // before it is routed, so that the clients it goes to at QoS 2 can be sent it once that is durable.
        if (qos < 2 || !session.awaitsRelease(packetId)) {
            boolean marked = qos == 2 && session.markQos2Received(packetId);
            reasonCode = route(topic, publish, qos, properties);
            if (marked && reasonCode >= 0x80) {
                session.releaseQos2(packetId); // refused (MQTT 5): the exchange ends with the PUBREC [MQTT-4.3.3-4]
            }
        }
        // Acknowledged once what it changed (persistent subscribers' queues, retained, QoS 2 state) is on disk.
        long needs = changesSince(before);
        if (qos == 0) {
            return;
        }
        int code = mqtt5 ? reasonCode : ReasonCodes.SUCCESS;
        acks.publishAckAfterDurable(needs, qos, packetId, code);
    }

    /**
     * A QoS 1/2 message that cannot be kept (queue memory full, disk failing or behind) is refused before it is
     * acknowledged, as one acknowledged must never be lost: MQTT 5 says so with Quota Exceeded, MQTT 3.1.1 has
     * no way to but closing the connection, so the client sends it again later.
     */
    private void refuseUnstorable(int qos, int packetId) {
        broker.stats().publishesRefused.increment();
        if (refusalLog.due()) {
            log.atWarn().addKeyValue("clientId", clientId).addKeyValue("reason",
                            broker.budget().exhausted() ? "queue memory full" : "disk failing or behind")
                    .log(mqtt5 ? "refusing QoS>0 messages with Quota Exceeded" : "refusing QoS>0 publisher, closing");
        }
        if (mqtt5) {
            acks.publishAckAfterDurable(0, qos, packetId, ReasonCodes.QUOTA_EXCEEDED);
        } else {
            ctx.close();
        }
    }

    private void writePublishAck(int qos, int packetId, int reasonCode) {
        ControlPackets.publishAck(smallPackets(ControlPackets.MAX_ACK_BYTES), qos, packetId, reasonCode);
    }

    /** The journal ticket to wait for when changes were recorded since {@code before}; 0 when none were. */
    private long changesSince(long before) {
        long now = broker.journal().lastTicket();
        return now == before ? 0 : now;
    }

    /** Routes a received message; returns the MQTT 5 reason code for its acknowledgement. */
    private int route(String topic, MqttPublishMessage publish, int qos, MessageProperties properties) {
        String denied = topic.startsWith("$") ? "clients may not publish to $ topics"
                : broker.permissions().mayPublish(identity, topic) ? null : "not permitted for this user";
        if (denied != null) {
            // MQTT 3.1.1 has no way to refuse a PUBLISH: it is acknowledged as usual and dropped.
            broker.stats().publishesDenied.increment();
            if (!warnedAboutDeniedPublish) { // once per connection, so a chatty client cannot flood the log
                warnedAboutDeniedPublish = true;
                log.atWarn().addKeyValue("clientId", clientId).addKeyValue("user", identity.username())
                        .addKeyValue("topic", topic).log("{}; this client's publishes there are refused and counted",
                                denied);
            }
            return ReasonCodes.NOT_AUTHORIZED;
        }
        if (properties.utf8Payload() && !ByteBufUtil.isText(publish.payload(), StandardCharsets.UTF_8)) {
            broker.stats().publishesRefused.increment();
            return ReasonCodes.PAYLOAD_FORMAT_INVALID; // [MQTT-3.3.2-4] allows the receiver to refuse it
        }
        byte[] payload = ByteBufUtil.getBytes(publish.payload());
        if (!topic.equals(lastTopic)) {
            lastTopic = topic;
            lastTopicBytes = topic.getBytes(StandardCharsets.UTF_8);
        }
        Router.Routed routed = broker.router().publish(new Message(lastTopic, lastTopicBytes, payload, qos,
                publish.fixedHeader().isRetain(), properties), session);
        if (routed.behind() != null && !pausedForSubscribers) {
            pauseReadingFor(routed.behind());
        }
        return routed.matched() ? ReasonCodes.SUCCESS : ReasonCodes.NO_MATCHING_SUBSCRIBERS;
    }

    /**
     * Backpressure: stop reading this publisher until the subscriber catches up (or a second passes), the way
     * TCP itself would slow it down, rather than queue without bound or drop what it sends.
     */
    private void pauseReadingFor(Subscriber behind) {
        pausedForSubscribers = true;
        int generation = ++pauseGeneration;
        updateAutoRead();
        Runnable resume = () -> {
            if (pausedForSubscribers && generation == pauseGeneration) {
                pausedForSubscribers = false;
                updateAutoRead();
            }
        };
        ctx.executor().schedule(resume, MAX_PAUSE_MILLIS, TimeUnit.MILLISECONDS);
        behind.whenRelieved(resume);
    }

    /** Reads only while this client takes what is written to it and no subscriber holds it back. */
    private void updateAutoRead() {
        ctx.channel().config().setAutoRead(ctx.channel().isWritable() && !pausedForSubscribers && !authenticating);
    }

    private void onPubRel(int packetId) {
        long before = broker.journal().lastTicket();
        boolean known = session.releaseQos2(packetId);
        // Even for an unknown id [MQTT-4.3.3-2], which MQTT 5 names; once the release is durable, so the id is
        // free after a crash too.
        int code = mqtt5 && !known ? ReasonCodes.PACKET_ID_NOT_FOUND : ReasonCodes.SUCCESS;
        acks.afterDurable(changesSince(before),
                () -> ControlPackets.pubComp(smallPackets(ControlPackets.MAX_ACK_BYTES), packetId, code));
    }

    /** PUBACK or PUBREC from the client; in MQTT 5 a code of 0x80 or above ends the exchange [MQTT-4.3.3-4]. */
    private void onPublishAck(MqttMessage message, boolean pubrec) {
        int packetId = packetId(message);
        boolean failed = message.variableHeader() instanceof MqttPubReplyMessageVariableHeader reply
                && (reply.reasonCode() & 0xFF) >= 0x80;
        if (pubrec && !failed) {
            session.received(packetId);
        } else {
            session.acknowledged(packetId, pubrec ? 2 : 1);
        }
    }

    // ---- SUBSCRIBE / UNSUBSCRIBE ----

    private void onSubscribe(MqttSubscribeMessage message) {
        long before = broker.journal().lastTicket();
        onSubscribeResult(subscribeHandler.subscribe(session, identity, message, mqtt5), before);
    }

    private void onUnsubscribe(MqttUnsubscribeMessage message) {
        long before = broker.journal().lastTicket();
        onSubscribeResult(subscribeHandler.unsubscribe(session, message, mqtt5), before);
    }

    private void onSubscribeResult(SubscribeHandler.Result result, long before) {
        if (result.violation() != null) {
            violation(result.violation());
            return;
        }
        acks.afterDurable(changesSince(before), () -> writeMessage(result.reply()));
        // Retained messages may go ahead of the SUBACK (MQTT 3.1.1, 3.8.4).
        result.afterReply().run();
    }

    // ---- DISCONNECT, close and failures ----

    private void onDisconnect(MqttMessage message) {
        if (mqtt5 && message.variableHeader() instanceof MqttReasonCodeAndPropertiesVariableHeader header) {
            long seconds = PropertyValues.unsigned(header.properties(),
                    MqttProperties.MqttPropertyType.SESSION_EXPIRY_INTERVAL, -1);
            if (seconds >= 0) {
                if (request.sessionExpiry() == 0 && seconds != 0) {
                    violation("session expiry set at DISCONNECT after 0 at CONNECT"); // [MQTT-3.14.2-2]
                    return;
                }
                session.expireAfter(seconds);
            }
            if (header.reasonCode() == ReasonCodes.DISCONNECT_WITH_WILL) {
                close(); // the client asks for its will to be published
                return;
            }
        }
        will = null; // [MQTT-3.14.4-3]
        close();
    }

    private void onMalformed(Throwable cause) {
        broker.stats().protocolViolations.increment();
        if (!connected && cause instanceof MqttUnacceptableProtocolVersionException
                && isMqttProtocolName(cause.getMessage())) {
            ctx.channel().attr(NettyCodecVersion.KEY).set(MqttVersion.MQTT_3_1_1);
            refuse(MqttConnectReturnCode.CONNECTION_REFUSED_UNACCEPTABLE_PROTOCOL_VERSION, null); // [MQTT-3.1.2-2]
            return;
        }
        if (!connected && cause instanceof MqttIdentifierRejectedException) {
            refuse(MqttConnectReturnCode.CONNECTION_REFUSED_IDENTIFIER_REJECTED, null);
            return;
        }
        boolean tooLarge = cause instanceof TooLongFrameException;
        String reason = tooLarge ? "packet larger than " + broker.config().maxPacketSize() + " bytes"
                : "malformed packet: " + cause.getMessage();
        closeForViolation(reason, tooLarge ? ReasonCodes.PACKET_TOO_LARGE : ReasonCodes.MALFORMED_PACKET);
    }

    /**
     * netty reports a wrong protocol name and a wrong level alike. Only an unknown level of a known protocol
     * name gets CONNACK 1; any other name is not MQTT at all and is closed without answer [MQTT-3.1.2-1].
     */
    private static boolean isMqttProtocolName(String message) {
        return message != null && (message.startsWith("MQTT ") || message.startsWith("MQIsdp "));
    }

    private void violation(String reason) {
        violation(reason, ReasonCodes.PROTOCOL_ERROR);
    }

    private void violation(String reason, int reasonCode) {
        broker.stats().protocolViolations.increment();
        closeForViolation(reason, reasonCode);
    }

    private void closeForViolation(String reason, int reasonCode) {
        log.atWarn().addKeyValue("clientId", clientId).addKeyValue("remote", ctx.channel().remoteAddress())
                .addKeyValue("reason", reason).log("protocol violation, closing connection");
        closeWith(reasonCode); // the will, if any, is published on close [MQTT-3.1.2-8]
    }

    /**
     * Closes the connection, first telling an MQTT 5 client why with a DISCONNECT; never before CONNACK
     * [MQTT-3.14.0-1], and MQTT 3.1.1 has no DISCONNECT from the server.
     */
    private void closeWith(int reasonCode) {
        if (mqtt5 && connected && !closing && ctx.channel().isActive()) {
            closing = true;
            writeDisconnect(reasonCode).addListener(f -> ctx.close());
            ctx.flush();
            return;
        }
        close();
    }

    /** Writes an MQTT 5 DISCONNECT after any acknowledgements still gathered, so they are not lost behind it. */
    private ChannelFuture writeDisconnect(int reasonCode) {
        writePendingSmall();
        return ctx.write(ControlPackets.disconnect(alloc(), reasonCode));
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt == ShutdownSignal.CLOSING) {
            if (mqtt5 && connected && !closing) {
                writeDisconnect(ReasonCodes.SERVER_SHUTTING_DOWN);
            }
            return;
        }
        if (evt instanceof IdleStateEvent) {
            log.atInfo().addKeyValue("clientId", clientId).log("keepalive expired, closing connection");
            closeWith(ReasonCodes.KEEP_ALIVE_TIMEOUT);
            return;
        }
        ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (isTlsFailure(cause)) {
            // A client without TLS, or one that does not trust the certificate: its problem, not the broker's.
            log.atInfo().addKeyValue("remote", ctx.channel().remoteAddress())
                    .log("TLS handshake failed, closing: {}", rootMessage(cause));
        } else if (cause instanceof IOException) {
            log.atDebug().addKeyValue("clientId", clientId).log("connection error: {}", cause.getMessage());
        } else {
            log.atError().addKeyValue("clientId", clientId).setCause(cause).log("unexpected error, closing");
        }
        ctx.close();
    }

    private static boolean isTlsFailure(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof SSLException) { // also netty's NotSslRecordException: plain TCP on a TLS port
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage());
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (connectDeadline != null) {
            connectDeadline.cancel(false);
        }
        held.discard();
        if (pendingSmall != null) {
            pendingSmall.release(); // the connection is gone; nobody reads them
            pendingSmall = null;
        }
        if (!connected) {
            return;
        }
        connected = false;
        broker.connected().remove(clientId, this);
        broker.stats().connectedClients.decrementAndGet();
        if (will != null && !broker.shutdown().stopping()) {
            will.connectionEnded(broker, session, this, ctx.executor());
        }
        SessionLifecycle.close(broker, session, this, ctx.executor());
        log.atInfo().addKeyValue("clientId", clientId).log("client disconnected");
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        boolean writable = ctx.channel().isWritable();
        // A client that does not read its acknowledgements is not read from either.
        updateAutoRead();
        if (writable && session != null && session.link() == this) {
            session.drain();
        }
        ctx.fireChannelWritabilityChanged();
    }

    // ---- the list of connected clients ----

    EventExecutor executor() {
        return ctx.executor();
    }

    /** This client as lists show it, or null once it is no longer connected. Runs on this connection's loop. */
    ClientSnapshot snapshot(int maxSubscriptions) {
        if (!connected || closing) {
            return null;
        }
        String address = ctx.channel().remoteAddress() instanceof InetSocketAddress remote
                && remote.getAddress() != null ? remote.getAddress().getHostAddress() + ":" + remote.getPort()
                : String.valueOf(ctx.channel().remoteAddress());
        return new ClientSnapshot(clientId, address, protocolName(),
                identity.username(), session.isClean(), connectedSince,
                session.subscriptions().entrySet().stream().limit(maxSubscriptions)
                        .map(s -> new ClientSnapshot.Subscription(s.getKey(), s.getValue().qos())).toList(),
                session.subscriptions().size(), session.receivedCount(), session.sentCount());
    }

    // ---- ClientLink ----

    @Override
    public boolean writable() {
        return ctx.channel().isWritable();
    }

    @Override
    public long bufferedBytes() {
        var buffer = ctx.channel().unsafe().outboundBuffer();
        return buffer == null ? 0 : buffer.totalPendingWriteBytes();
    }

    @Override
    public int receiveMaximum() {
        return request.receiveMaximum();
    }

    @Override
    public boolean fits(Message message, int qos, int[] subscriptionIds) {
        return !mqtt5 || request.maximumPacketSize() == Integer.MAX_VALUE
                || PublishEncoder.length5(message, qos, subscriptionIds) <= request.maximumPacketSize();
    }

    /**
     * A QoS 2 PUBLISH waits until what it depends on is durable: the receipt from a persistent publisher (else,
     * after a crash, the publisher sends it again and the broker, with no record of it, delivers it twice), and
     * for a persistent subscriber the packet id it goes under (else, after a crash, the broker sends it again under
     * a new one, which the subscriber takes as a new message) [MQTT-4.3.3].
     */
    @Override
    public void writePublish(Delivery delivery, Message message, int qos, boolean retain, boolean dup, int packetId,
                             int[] subscriptionIds) {
        if (qos == 2 && (!session.isClean() || delivery != null && delivery.heldUntilDurable())) {
            long ticket = broker.journal().lastTicket();
            if (!acks.sendsAtOnce(ticket)) {
                // Written later from the message itself: the delivery's buffers are gone once fan-out is done.
                acks.afterDurable(ticket, () -> writePublishNow(null, message, qos, retain, dup, packetId,
                        subscriptionIds));
                return;
            }
        }
        writePublishNow(delivery, message, qos, retain, dup, packetId, subscriptionIds);
    }

    private void writePublishNow(Delivery delivery, Message message, int qos, boolean retain, boolean dup,
                                 int packetId, int[] subscriptionIds) {
        if (writeSmallPublish(delivery, message, qos, retain, dup, packetId, subscriptionIds)) {
            return;
        }
        ByteBuf packet;
        if (mqtt5) {
            packet = delivery == null
                    ? PublishEncoder.encode5(alloc(), message, null, qos, retain, dup, packetId, subscriptionIds,
                            System.currentTimeMillis())
                    : qos == 0 && !retain && subscriptionIds.length == 0 ? delivery.sharedQos0Packet5()
                    : delivery.packet5(alloc(), qos, retain, packetId, subscriptionIds);
        } else {
            packet = delivery == null ? PublishEncoder.encode(alloc(), message, qos, retain, dup, packetId)
                    : qos == 0 && !retain ? delivery.sharedQos0Packet()
                    : delivery.packet(alloc(), qos, retain, packetId);
        }
        write(packet);
    }

    /** Appends a PUBLISH to the small packets when it is small; false when it is not. */
    private boolean writeSmallPublish(Delivery delivery, Message message, int qos, boolean retain, boolean dup,
                                      int packetId, int[] subscriptionIds) {
        int length = mqtt5 ? PublishEncoder.length5(message, qos, subscriptionIds) : PublishEncoder.length(message, qos);
        if (length > SMALL_PUBLISH_BYTES) {
            return false;
        }
        ByteBuf out = smallPackets(length);
        if (mqtt5) {
            // Every subscriber of one fan-out sees the same expiry left, counted from when it began.
            long now = delivery == null ? System.currentTimeMillis() : delivery.startedMillis();
            PublishEncoder.encode5Into(out, message, qos, retain, dup, packetId, subscriptionIds, now);
        } else {
            PublishEncoder.encodeInto(out, message, qos, retain, dup, packetId);
        }
        return true;
    }

    private ByteBufAllocator alloc() {
        return ctx.alloc();
    }

    private void write(ByteBuf packet) {
        writePendingSmall();
        ctx.write(packet, ctx.voidPromise());
        scheduleFlush();
    }

    /**
     * Sends PUBREL once what the session recorded so far, its release of this message among it, is durable: once
     * PUBREL is out the PUBLISH must not be sent again [MQTT-4.3.3-1], and a broker restarted before the release
     * was stored would send it again, which the receiver, done with that packet id, would take as a new message.
     */
    @Override
    public void writePubRel(int packetId) {
        long ticket = session.isClean() ? 0 : broker.journal().lastTicket();
        if (acks.sendsAtOnce(ticket)) {
            // No task when nothing waits: a clean subscriber's QoS 2 stream takes this path for every message.
            writePubRelNow(packetId);
        } else {
            acks.afterDurable(ticket, () -> writePubRelNow(packetId));
        }
    }

    private void writePubRelNow(int packetId) {
        ControlPackets.pubRel(smallPackets(ControlPackets.MAX_ACK_BYTES), packetId);
    }

    /**
     * Where the next small packet goes, with room for {@code bytes} (at most {@link #SMALL_PUBLISH_BYTES}); it
     * leaves with the next flush or the next other write.
     */
    private ByteBuf smallPackets(int bytes) {
        if (pendingSmall != null && pendingSmall.writableBytes() < bytes) {
            writePendingSmall();
        }
        if (pendingSmall == null) {
            pendingSmall = ctx.alloc().directBuffer(SMALL_PACKETS_BUFFER_BYTES, SMALL_PACKETS_BUFFER_BYTES);
        }
        scheduleFlush();
        return pendingSmall;
    }

    private void writePendingSmall() {
        if (pendingSmall != null) {
            ByteBuf out = pendingSmall;
            pendingSmall = null;
            ctx.write(out, ctx.voidPromise());
        }
    }

    @Override
    public void closeTakenOver() {
        closeWith(ReasonCodes.SESSION_TAKEN_OVER); // [MQTT-3.1.4-3]
    }

    private void close() {
        closing = true;
        ctx.close();
    }

    private void writeMessage(MqttMessage message) {
        writePendingSmall();
        ctx.write(message, ctx.voidPromise());
        scheduleFlush();
    }

    /** Writes made while the event loop handles a burst of reads go out in one flush afterwards. */
    private void scheduleFlush() {
        if (!flushScheduled) {
            flushScheduled = true;
            ctx.executor().execute(flushTask);
        }
    }

    private void flushNow() {
        flushScheduled = false;
        writePendingSmall();
        ctx.flush();
    }

    private InetAddress remoteAddress() {
        return ctx.channel().remoteAddress() instanceof InetSocketAddress address ? address.getAddress() : null;
    }

    private static int packetId(MqttMessage message) {
        return ((MqttMessageIdVariableHeader) message.variableHeader()).messageId();
    }
}
