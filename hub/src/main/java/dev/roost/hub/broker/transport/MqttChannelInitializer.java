package dev.roost.hub.broker.transport;

import dev.roost.hub.broker.codec.DecodeFailureGuard;
import dev.roost.hub.broker.codec.PublishDecoder;
import dev.roost.hub.broker.connection.BrokerContext;
import dev.roost.hub.broker.connection.MqttConnection;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.group.ChannelGroup;
import io.netty.handler.codec.mqtt.MqttDecoder;
import io.netty.handler.codec.mqtt.MqttEncoder;

/**
 * The life of a packet, in order: TLS is unwrapped (on a TLS listener, which may take a client certificate's name
 * as the user), WebSocket frames are unwrapped (on a WebSocket listener), bytes are counted, decoded (common
 * PUBLISH packets and plain acknowledgements by our own decoder, the rest by netty's; the maximum packet size is
 * enforced from the fixed header, before the body is buffered), failed decodes are caught, and the
 * connection handles the rest. The keepalive handler is added in front once CONNECT sets the interval.
 */
public final class MqttChannelInitializer extends ChannelInitializer<Channel> {

    /** netty's limit for MQTT 3.1 client ids, which the 3.1 specification caps at 23 characters. */
    private static final int MQTT31_MAX_CLIENT_ID = 23;

    private final BrokerContext broker;
    private final TrafficCounter traffic;
    private final WebSocketFraming webSocket;
    private final ServerTls tls;
    private final ChannelGroup clients;

    /**
     * @param webSocket null for plain TCP; the HTTP upgrade and framing to put in front otherwise
     * @param tls       null for a plain listener; what to wrap every connection in otherwise
     * @param clients   every accepted connection joins it, so shutdown can flush and close them all
     */
    public MqttChannelInitializer(BrokerContext broker, WebSocketFraming webSocket, ServerTls tls,
                                  ChannelGroup clients) {
        this.broker = broker;
        this.clients = clients;
        this.traffic = new TrafficCounter(broker.stats());
        this.webSocket = webSocket;
        this.tls = tls;
    }

    @Override
    protected void initChannel(Channel channel) {
        clients.add(channel);
        ChannelPipeline pipeline = channel.pipeline();
        if (tls != null) {
            // A client that does not speak TLS fails the handshake and is closed before any MQTT is read.
            pipeline.addLast("tls", tls.context().newHandler(channel.alloc()));
            if (tls.certificateNamesUser()) {
                pipeline.addLast("certificate-login", CertificateLogin.INSTANCE);
            }
        }
        if (webSocket != null) {
            webSocket.addTo(pipeline);
        }
        pipeline.addLast("traffic", traffic);
        PublishDecoder publishDecoder = new PublishDecoder(broker.config().maxPacketSize());
        pipeline.addLast("publish-decoder", publishDecoder);
        pipeline.addLast("decoder", new MqttDecoder(broker.config().maxPacketSize(), MQTT31_MAX_CLIENT_ID));
        pipeline.addLast("decoded", publishDecoder.nettyOutput());
        pipeline.addLast("encoder", MqttEncoder.INSTANCE);
        pipeline.addLast("decode-failure-guard", DecodeFailureGuard.INSTANCE);
        pipeline.addLast("connection", new MqttConnection(broker));
    }
}
