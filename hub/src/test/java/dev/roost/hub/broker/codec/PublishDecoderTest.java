package dev.roost.hub.broker.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.mqtt.MqttConnectMessage;
import io.netty.handler.codec.mqtt.MqttDecoder;
import io.netty.handler.codec.mqtt.MqttEncoder;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttPubReplyMessageVariableHeader;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.codec.mqtt.MqttVersion;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The PUBLISH decoder in front of netty's must change nothing but speed: the same bytes, cut anywhere, give the
 * same packets, in the same order, with the same failures, as netty's decoder alone.
 */
class PublishDecoderTest {

    private static final int MAX_PACKET = 1024;

    @Test
    void aSessionOfMqtt311PacketsDecodesAsNettyAloneDecodesIt() {
        byte[] bytes = concat(
                encode(MqttVersion.MQTT_3_1_1, connect(MqttVersion.MQTT_3_1_1)),
                encode(MqttVersion.MQTT_3_1_1, publish("home/hall/temperature", MqttQoS.AT_MOST_ONCE, -1, "21.5")),
                encode(MqttVersion.MQTT_3_1_1, publish("home/hall/temperature", MqttQoS.AT_LEAST_ONCE, 7, "21.6")),
                encode(MqttVersion.MQTT_3_1_1, publish("smart-lock/front", MqttQoS.EXACTLY_ONCE, 8, "")),
                encode(MqttVersion.MQTT_3_1_1, publish("küche/licht", MqttQoS.AT_LEAST_ONCE, 9, "on")),
                encode(MqttVersion.MQTT_3_1_1, MqttMessageBuilders.subscribe().messageId(10)
                        .addSubscription(MqttQoS.AT_LEAST_ONCE, "home/#").build()),
                encode(MqttVersion.MQTT_3_1_1, retainedDuplicate()),
                encode(MqttVersion.MQTT_3_1_1, publish("big", MqttQoS.AT_LEAST_ONCE, 11, "x".repeat(900))),
                encode(MqttVersion.MQTT_3_1_1, MqttMessage.PINGREQ),
                encode(MqttVersion.MQTT_3_1_1, reply(MqttMessageType.PUBACK, 3)),
                encode(MqttVersion.MQTT_3_1_1, reply(MqttMessageType.PUBREC, 4)),
                encode(MqttVersion.MQTT_3_1_1, reply(MqttMessageType.PUBREL, 5)),
                encode(MqttVersion.MQTT_3_1_1, reply(MqttMessageType.PUBCOMP, 4)));

        List<String> expected = decodeWithNettyAlone(bytes, bytes.length);
        assertThat(expected).hasSize(13).allMatch(packet -> packet.startsWith("ok "));
        assertThat(decodeWithBoth(bytes, bytes.length)).isEqualTo(expected);
        for (int cut : new int[] {1, 2, 3, 7, 64}) {
            assertThat(decodeWithBoth(bytes, cut)).as("cut every %d bytes", cut).isEqualTo(expected);
        }
        Random random = new Random(42);
        for (int i = 0; i < 20; i++) {
            assertThat(decodeWithBothRandomlyCut(bytes, random)).isEqualTo(expected);
        }
    }

    @Test
    void repeatedTopicsLongerThanTheKeptRoomDecodeAsNettyAloneDecodesThem() {
        String longTopic = "zigbee2mqtt/" + "living-room/".repeat(12) + "lamp"; // 160 bytes, over the 128 kept
        String otherLong = longTopic.replace("lamp", "fan!");
        byte[] bytes = concat(
                encode(MqttVersion.MQTT_3_1_1, connect(MqttVersion.MQTT_3_1_1)),
                encode(MqttVersion.MQTT_3_1_1, publish(longTopic, MqttQoS.AT_LEAST_ONCE, 1, "on")),
                encode(MqttVersion.MQTT_3_1_1, publish(longTopic, MqttQoS.AT_LEAST_ONCE, 2, "off")),
                encode(MqttVersion.MQTT_3_1_1, publish(otherLong, MqttQoS.AT_LEAST_ONCE, 3, "on")),
                encode(MqttVersion.MQTT_3_1_1, publish("home/hall/temperature", MqttQoS.AT_MOST_ONCE, -1, "21.5")),
                encode(MqttVersion.MQTT_3_1_1, publish(longTopic, MqttQoS.AT_LEAST_ONCE, 4, "on")),
                encode(MqttVersion.MQTT_3_1_1, publish("home/hall/temperature", MqttQoS.AT_MOST_ONCE, -1, "21.6")));

        List<String> expected = decodeWithNettyAlone(bytes, bytes.length);
        assertThat(expected).hasSize(7).allMatch(packet -> packet.startsWith("ok "));
        assertThat(expected.get(2)).contains(longTopic);
        assertThat(expected.get(3)).contains(otherLong);
        for (int cut : new int[] {1, 7, bytes.length}) {
            assertThat(decodeWithBoth(bytes, cut)).as("cut every %d bytes", cut).isEqualTo(expected);
        }
    }

    @Test
    void mqtt5PublishesWithAndWithoutPropertiesDecodeAsNettyAloneDecodesThem() {
        MqttProperties properties = new MqttProperties();
        properties.add(new MqttProperties.StringProperty(MqttProperties.MqttPropertyType.CONTENT_TYPE.value(),
                "text/plain"));
        properties.add(new MqttProperties.UserProperty("room", "hall"));
        byte[] bytes = concat(
                encode(MqttVersion.MQTT_5, connect(MqttVersion.MQTT_5)),
                encode(MqttVersion.MQTT_5, publish("home/hall/temperature", MqttQoS.AT_LEAST_ONCE, 1, "21.5")),
                encode(MqttVersion.MQTT_5, MqttMessageBuilders.publish().topicName("home/hall/humidity")
                        .qos(MqttQoS.AT_LEAST_ONCE).messageId(2).properties(properties)
                        .payload(Unpooled.copiedBuffer("40", StandardCharsets.UTF_8)).build()),
                encode(MqttVersion.MQTT_5, publish("home/hall/temperature", MqttQoS.AT_MOST_ONCE, -1, "21.7")),
                encode(MqttVersion.MQTT_5, reply(MqttMessageType.PUBACK, 3)),
                bytes(0x40, 0x03, 0x00, 0x04, 0x10), // PUBACK 0x10: no matching subscribers
                bytes(0x50, 0x04, 0x00, 0x05, 0x00, 0x00), // PUBREC with an empty property length
                encode(MqttVersion.MQTT_5, reply(MqttMessageType.PUBCOMP, 5)));

        List<String> expected = decodeWithNettyAlone(bytes, bytes.length);
        assertThat(expected).hasSize(8).allMatch(packet -> packet.startsWith("ok "));
        assertThat(expected.get(2)).contains("text/plain");
        for (int cut : new int[] {1, 5, bytes.length}) {
            assertThat(decodeWithBoth(bytes, cut)).isEqualTo(expected);
        }
    }

    @Test
    void malformedPublishesFailAsInNettyAlone() {
        byte[] connect = encode(MqttVersion.MQTT_3_1_1, connect(MqttVersion.MQTT_3_1_1));
        List<byte[]> malformed = List.of(
                bytes(0x36, 0x05, 0x00, 0x01, 'a', 0x00, 0x01), // QoS 3
                bytes(0x32, 0x05, 0x00, 0x01, 'a', 0x00, 0x00), // packet id 0
                bytes(0x30, 0x04, 0x00, 0x01, '#', 'x'), // wildcard in the topic
                bytes(0x30, 0x04, 0x00, 0x05, 'a', 'b'), // topic longer than the packet
                bytes(0x30, 0xFF, 0xFF, 0xFF, 0xFF, 0x01), // remaining length in five bytes
                bytes(0x30, 0x05, 0x00, 0x03, 0xC3, 0x28, 'a'), // invalid UTF-8
                bytes(0x42, 0x02, 0x00, 0x01), // PUBACK with flags
                bytes(0x40, 0x02, 0x00, 0x00), // PUBACK for packet id 0
                bytes(0x60, 0x02, 0x00, 0x01), // PUBREL without its required flags
                bytes(0x70, 0x01, 0x00)); // PUBCOMP cut short
        for (byte[] packet : malformed) {
            byte[] bytes = concat(connect, packet,
                    encode(MqttVersion.MQTT_3_1_1, publish("after", MqttQoS.AT_MOST_ONCE, -1, "x")));
            List<String> expected = decodeWithNettyAlone(bytes, bytes.length);
            assertThat(expected).as(HexFormat.of().formatHex(packet)).anyMatch(p -> p.startsWith("failed "));
            assertThat(decodeWithBoth(bytes, bytes.length)).as(HexFormat.of().formatHex(packet)).isEqualTo(expected);
            assertThat(decodeWithBoth(bytes, 1)).as(HexFormat.of().formatHex(packet)).isEqualTo(expected);
        }
    }

    @Test
    void anOversizePublishIsRefusedFromItsFixedHeaderWithoutBeingBuffered() {
        byte[] connect = encode(MqttVersion.MQTT_3_1_1, connect(MqttVersion.MQTT_3_1_1));
        byte[] huge = encode(MqttVersion.MQTT_3_1_1, publish("big", MqttQoS.AT_LEAST_ONCE, 1, "x".repeat(5000)));
        EmbeddedChannel channel = both();
        channel.writeInbound(Unpooled.wrappedBuffer(connect));
        channel.writeInbound(Unpooled.wrappedBuffer(huge, 0, 100)); // the fixed header and a little more
        List<String> decoded = drain(channel);
        assertThat(decoded).hasSize(2);
        assertThat(decoded.get(1)).startsWith("failed ").contains("TooLongFrameException");
        channel.finishAndReleaseAll();
    }

    @Test
    void commonPublishesAndAcknowledgementsAreDecodedHereAndTheRestByNetty() {
        EmbeddedChannel channel = both();
        channel.writeInbound(Unpooled.wrappedBuffer(encode(MqttVersion.MQTT_3_1_1, connect(MqttVersion.MQTT_3_1_1))));
        io.netty.util.ReferenceCountUtil.release(channel.readInbound());
        channel.writeInbound(Unpooled.wrappedBuffer(concat(
                encode(MqttVersion.MQTT_3_1_1, publish("home/hall/temperature", MqttQoS.AT_LEAST_ONCE, 1, "21.5")),
                encode(MqttVersion.MQTT_3_1_1, publish("küche/licht", MqttQoS.AT_LEAST_ONCE, 2, "on")),
                encode(MqttVersion.MQTT_3_1_1, publish("home/hall/temperature", MqttQoS.AT_MOST_ONCE, -1, "21.6")),
                encode(MqttVersion.MQTT_3_1_1, reply(MqttMessageType.PUBACK, 3)),
                encode(MqttVersion.MQTT_3_1_1, MqttMessage.PINGREQ))));
        List<String> decodedBy = new ArrayList<>();
        for (Object message = channel.readInbound(); message != null; message = channel.readInbound()) {
            decodedBy.add(message.getClass().getPackageName().startsWith("io.netty") ? "netty" : "here");
            io.netty.util.ReferenceCountUtil.release(message);
        }
        assertThat(decodedBy).containsExactly("here", "netty", "here", "here", "netty");
        channel.finishAndReleaseAll();
    }

    // ---- helpers ----

    private static List<String> decodeWithNettyAlone(byte[] bytes, int cut) {
        return decode(new EmbeddedChannel(new MqttDecoder(MAX_PACKET)), bytes, cut);
    }

    private static List<String> decodeWithBoth(byte[] bytes, int cut) {
        return decode(both(), bytes, cut);
    }

    private static EmbeddedChannel both() {
        PublishDecoder publishes = new PublishDecoder(MAX_PACKET);
        return new EmbeddedChannel(publishes, new MqttDecoder(MAX_PACKET), publishes.nettyOutput());
    }

    private static List<String> decodeWithBothRandomlyCut(byte[] bytes, Random random) {
        EmbeddedChannel channel = both();
        for (int from = 0; from < bytes.length; ) {
            int length = Math.min(bytes.length - from, 1 + random.nextInt(40));
            channel.writeInbound(Unpooled.copiedBuffer(bytes, from, length));
            from += length;
        }
        List<String> decoded = drain(channel);
        channel.finishAndReleaseAll();
        return decoded;
    }

    private static List<String> decode(EmbeddedChannel channel, byte[] bytes, int cut) {
        for (int from = 0; from < bytes.length; from += cut) {
            channel.writeInbound(Unpooled.copiedBuffer(bytes, from, Math.min(cut, bytes.length - from)));
        }
        List<String> decoded = drain(channel);
        channel.finishAndReleaseAll();
        return decoded;
    }

    private static List<String> drain(EmbeddedChannel channel) {
        List<String> decoded = new ArrayList<>();
        for (Object message = channel.readInbound(); message != null; message = channel.readInbound()) {
            decoded.add(describe((MqttMessage) message));
        }
        return decoded;
    }

    /** What a packet means, without the buffer indices that netty's toString includes. */
    private static String describe(MqttMessage message) {
        try {
            if (message.decoderResult().isFailure()) {
                return "failed " + message.decoderResult().cause().getClass().getSimpleName();
            }
            if (message instanceof MqttPublishMessage publish) {
                return "ok PUBLISH " + publish.fixedHeader() + " topic=" + publish.variableHeader().topicName()
                        + " id=" + publish.variableHeader().packetId()
                        + " properties=" + describe(publish.variableHeader().properties())
                        + " payload=" + ByteBufUtil.hexDump(publish.payload());
            }
            if (message.variableHeader() instanceof MqttPubReplyMessageVariableHeader reply) {
                return "ok " + message.fixedHeader() + " id=" + reply.messageId() + " reason=" + reply.reasonCode()
                        + " properties=" + describe(reply.properties());
            }
            return "ok " + message.fixedHeader() + " " + message.variableHeader() + " "
                    + (message instanceof MqttConnectMessage ? "" : message.payload());
        } finally {
            io.netty.util.ReferenceCountUtil.release(message);
        }
    }

    private static String describe(MqttProperties properties) {
        StringBuilder text = new StringBuilder();
        for (MqttProperties.MqttProperty<?> property : properties.listAll()) {
            text.append(property.propertyId()).append('=');
            if (property instanceof MqttProperties.UserProperties users) {
                users.value().forEach(pair -> text.append(pair.key).append(':').append(pair.value).append(','));
            } else {
                text.append(property.value());
            }
            text.append(';');
        }
        return text.toString();
    }

    private static MqttMessage reply(MqttMessageType type, int packetId) {
        return new MqttMessage(new io.netty.handler.codec.mqtt.MqttFixedHeader(type, false,
                type == MqttMessageType.PUBREL ? MqttQoS.AT_LEAST_ONCE : MqttQoS.AT_MOST_ONCE, false, 2),
                io.netty.handler.codec.mqtt.MqttMessageIdVariableHeader.from(packetId));
    }

    private static MqttMessage connect(MqttVersion version) {
        return MqttMessageBuilders.connect().clientId("hall-sensor").protocolVersion(version)
                .cleanSession(true).keepAlive(30).build();
    }

    private static MqttPublishMessage publish(String topic, MqttQoS qos, int packetId, String payload) {
        return MqttMessageBuilders.publish().topicName(topic).qos(qos).messageId(packetId)
                .payload(Unpooled.copiedBuffer(payload, StandardCharsets.UTF_8)).build();
    }

    private static MqttPublishMessage retainedDuplicate() {
        MqttPublishMessage plain = publish("home/door", MqttQoS.AT_LEAST_ONCE, 12, "open");
        return new MqttPublishMessage(new io.netty.handler.codec.mqtt.MqttFixedHeader(
                io.netty.handler.codec.mqtt.MqttMessageType.PUBLISH, true, MqttQoS.AT_LEAST_ONCE, true, 0),
                plain.variableHeader(), plain.payload());
    }

    private static byte[] encode(MqttVersion version, MqttMessage message) {
        EmbeddedChannel channel = new EmbeddedChannel(MqttEncoder.INSTANCE);
        channel.attr(NettyCodecVersion.KEY).set(version);
        channel.writeOutbound(message);
        ByteBuf encoded = channel.readOutbound();
        byte[] bytes = ByteBufUtil.getBytes(encoded);
        encoded.release();
        channel.finishAndReleaseAll();
        return bytes;
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
