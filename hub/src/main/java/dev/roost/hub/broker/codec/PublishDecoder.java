package dev.roost.hub.broker.codec;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.mqtt.MqttFixedHeader;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageIdVariableHeader;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttPubReplyMessageVariableHeader;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttPublishVariableHeader;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.codec.mqtt.MqttVersion;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Decodes the PUBLISH packets a home sends all day (ASCII topic, no MQTT 5 properties) and their plain
 * acknowledgements itself, and hands every other packet, whole and in order, to netty's {@code MqttDecoder}
 * behind it, which also judges everything unusual (bad flags, non-ASCII or wildcard topics, packet id 0,
 * properties, oversize). netty's decoder replays a packet that arrived in parts and validates UTF-8 a character
 * at a time: a quarter of the broker loop under load.
 *
 * <p>It decodes a PUBLISH itself only while netty's decoder has turned every packet handed to it into a message
 * (counted by {@link #nettyOutput()} behind it): a malformed packet may make netty read past the packet's end,
 * or stop decoding at all, and from then on netty's decoder sees the bytes exactly as if it were alone. A packet
 * larger than the maximum is streamed to it as it arrives, never buffered here, so netty refuses it from its fixed
 * header; a fixed header that cannot be read hands everything after it over.
 */
public final class PublishDecoder extends ByteToMessageDecoder {

    private static final int PUBLISH = MqttMessageType.PUBLISH.value();
    /** First bytes of the acknowledgements with the flags the specification requires [MQTT-2.2.2-1, 3.6.1-1]. */
    private static final int PUBACK_BYTE = 0x40;
    private static final int PUBREC_BYTE = 0x50;
    private static final int PUBREL_BYTE = 0x62;
    private static final int PUBCOMP_BYTE = 0x70;
    /** Room kept per connection for a topic's bytes; a longer topic gets room of its own, not kept. */
    private static final int KEPT_TOPIC_BYTES = 128;

    private final int maxPacketBytes;
    /** Packets handed to netty's decoder that it has not turned into a message yet. */
    private int withNetty;
    /** Bytes of the current packet still to stream to netty's decoder. */
    private int streaming;
    private boolean handOverEverything;
    /** The topic of the last PUBLISH decoded here, and its bytes; a repeat shares the string, unchecked. */
    private String lastTopic;
    private byte[] lastTopicBytes;
    /** A topic's bytes, copied out of the buffer at once: reading them one by one through it costs more. */
    private byte[] topicBytes = new byte[KEPT_TOPIC_BYTES];

    /** @param maxPacketBytes the largest packet accepted, fixed header included, as netty's decoder is told */
    public PublishDecoder(int maxPacketBytes) {
        this.maxPacketBytes = maxPacketBytes;
    }

    /** The handler to put right behind netty's decoder: it counts the packets netty has decoded. */
    public ChannelHandler nettyOutput() {
        return new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                if (!(msg instanceof DecodedHere)) {
                    withNetty--;
                    if (msg instanceof MqttMessage message && message.decoderResult().isFailure()) {
                        handOverEverything = true; // netty's decoder drops everything after a malformed packet
                    }
                }
                ctx.fireChannelRead(msg);
            }
        };
    }

    /** One packet, or part of one, per call: what is handed to netty is decoded by it before the next call. */
    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (handOverEverything) {
            out.add(in.readRetainedSlice(in.readableBytes()));
            return;
        }
        if (streaming > 0) {
            int part = Math.min(streaming, in.readableBytes());
            streaming -= part;
            out.add(in.readRetainedSlice(part));
            return;
        }
        int start = in.readerIndex();
        int remaining = 0;
        int headerBytes = 1;
        for (int multiplier = 1; ; multiplier *= 128) {
            if (headerBytes == 5) {
                handOverEverything = true; // a remaining length of more than four bytes: malformed
                out.add(in.readRetainedSlice(in.readableBytes()));
                return;
            }
            if (headerBytes >= in.readableBytes()) {
                return; // the fixed header is not complete yet
            }
            int digit = in.getUnsignedByte(start + headerBytes++);
            remaining += (digit & 127) * multiplier;
            if ((digit & 128) == 0) {
                break;
            }
        }
        int packetBytes = headerBytes + remaining;
        if (packetBytes > maxPacketBytes) {
            withNetty++;
            int part = Math.min(packetBytes, in.readableBytes());
            streaming = packetBytes - part;
            out.add(in.readRetainedSlice(part));
            return;
        }
        if (in.readableBytes() < packetBytes) {
            return; // the packet is not complete yet
        }
        MqttMessage decoded = withNetty == 0 ? decodeHere(ctx, in, start, headerBytes, remaining) : null;
        if (decoded != null) {
            out.add(decoded);
            in.readerIndex(start + packetBytes);
        } else {
            withNetty++;
            out.add(in.readRetainedSlice(packetBytes));
        }
    }

    /** A packet this decoder made: netty's decoder passes it on untouched, and it is not one of netty's. */
    private interface DecodedHere {
    }

    private static final class PublishDecodedHere extends MqttPublishMessage implements DecodedHere {
        PublishDecodedHere(MqttFixedHeader fixed, MqttPublishVariableHeader variable, ByteBuf payload) {
            super(fixed, variable, payload);
        }
    }

    private static final class ReplyDecodedHere extends MqttMessage implements DecodedHere {
        ReplyDecodedHere(MqttFixedHeader fixed, MqttMessageIdVariableHeader variable) {
            super(fixed, variable);
        }
    }

    /** The packet at {@code start}, or null when it is not one this decodes (netty's decoder will). */
    private MqttMessage decodeHere(ChannelHandlerContext ctx, ByteBuf in, int start, int headerBytes,
                                   int remaining) {
        int first = in.getUnsignedByte(start);
        return switch (first) {
            case PUBACK_BYTE, PUBREC_BYTE, PUBREL_BYTE, PUBCOMP_BYTE -> decodeReply(in, first, start, headerBytes,
                    remaining);
            default -> decodePublish(ctx, in, first, start, headerBytes, remaining);
        };
    }

    /**
     * PUBACK, PUBREC, PUBREL or PUBCOMP with only a packet id (a success, in MQTT 5), with the headers netty would
     * give it: a reply with reason code 0 and no properties. (netty's PUBACK is its final MqttPubAckMessage; the
     * broker reads any acknowledgement as an MqttMessage.)
     */
    private static MqttMessage decodeReply(ByteBuf in, int first, int start, int headerBytes, int remaining) {
        int packetId = remaining == 2 ? in.getUnsignedShort(start + headerBytes) : 0;
        if (packetId == 0) {
            return null;
        }
        MqttMessageType type = MqttMessageType.valueOf(first >> 4);
        MqttFixedHeader fixed = new MqttFixedHeader(type, false,
                type == MqttMessageType.PUBREL ? MqttQoS.AT_LEAST_ONCE : MqttQoS.AT_MOST_ONCE, false, remaining);
        MqttPubReplyMessageVariableHeader variable = new MqttPubReplyMessageVariableHeader(packetId, (byte) 0,
                MqttProperties.NO_PROPERTIES);
        return new ReplyDecodedHere(fixed, variable);
    }

    /** The PUBLISH at {@code start}, or null when it is not one this decodes. */
    private MqttPublishMessage decodePublish(ChannelHandlerContext ctx, ByteBuf in, int first, int start,
                                             int headerBytes, int remaining) {
        int qos = (first >> 1) & 3;
        if (first >> 4 != PUBLISH || qos == 3) {
            return null;
        }
        MqttVersion version = ctx.channel().attr(NettyCodecVersion.KEY).get();
        if (version == null) {
            return null; // before CONNECT
        }
        int position = start + headerBytes;
        int end = position + remaining;
        if (remaining < 2) {
            return null;
        }
        int topicLength = in.getUnsignedShort(position);
        position += 2;
        if (topicLength == 0 || position + topicLength > end) {
            return null;
        }
        byte[] bytes = topicLength <= topicBytes.length ? topicBytes : new byte[topicLength];
        in.getBytes(position, bytes, 0, topicLength);
        String topic;
        if (lastTopicBytes != null && Arrays.equals(bytes, 0, topicLength, lastTopicBytes, 0, lastTopicBytes.length)) {
            topic = lastTopic;
        } else if (isPlainTopic(bytes, topicLength)) {
            topic = new String(bytes, 0, topicLength, StandardCharsets.ISO_8859_1);
            lastTopic = topic;
            lastTopicBytes = bytes == topicBytes ? Arrays.copyOf(bytes, topicLength) : bytes; // a long one is ours
        } else {
            return null;
        }
        position += topicLength;
        int packetId = -1;
        if (qos > 0) {
            if (position + 2 > end) {
                return null;
            }
            packetId = in.getUnsignedShort(position);
            position += 2;
            if (packetId == 0) {
                return null;
            }
        }
        if (version == MqttVersion.MQTT_5) {
            if (position >= end || in.getByte(position) != 0) {
                return null; // properties, or none where they must be: netty's decoder reads or refuses them
            }
            position++;
        }
        MqttFixedHeader fixed = new MqttFixedHeader(MqttMessageType.PUBLISH, (first & 0x08) != 0,
                MqttQoS.valueOf(qos), (first & 0x01) != 0, remaining);
        MqttPublishVariableHeader variable = new MqttPublishVariableHeader(topic, packetId,
                MqttProperties.NO_PROPERTIES);
        return new PublishDecodedHere(fixed, variable, in.retainedSlice(position, end - position));
    }

    /** Printable ASCII without wildcards: the same as its UTF-8, and valid as a topic name as it is. */
    private static boolean isPlainTopic(byte[] topic, int length) {
        for (int i = 0; i < length; i++) {
            byte b = topic[i];
            if (b < 0x20 || b == 0x7F || b == '+' || b == '#') { // also every byte >= 0x80, as a signed byte
                return false;
            }
        }
        return true;
    }
}
