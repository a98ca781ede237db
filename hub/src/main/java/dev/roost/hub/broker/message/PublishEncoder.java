package dev.roost.hub.broker.message;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * Writes PUBLISH packets from a {@link Message} into direct memory, which the socket can send without
 * another copy, in MQTT 3.1.1 form or in MQTT 5 form (with the message's properties and the subscription
 * identifiers). During fan-out the payload is copied to direct memory once and shared by every subscriber's
 * packet; otherwise header and payload go into one buffer.
 */
public final class PublishEncoder {

    private static final int SUBSCRIPTION_IDENTIFIER = 0x0B;
    private static final int[] NO_IDS = new int[0];

    private PublishEncoder() {
    }

    /** One MQTT 3.1.1 PUBLISH in a single buffer. {@code packetId} is ignored for QoS 0. */
    public static ByteBuf encode(ByteBufAllocator alloc, Message message, int qos, boolean retain, boolean dup,
                                 int packetId) {
        ByteBuf packet = alloc.ioBuffer(length(message, qos));
        encodeInto(packet, message, qos, retain, dup, packetId);
        return packet;
    }

    /** One MQTT 3.1.1 PUBLISH appended to {@code out}, which has room for {@link #length} bytes. */
    public static void encodeInto(ByteBuf out, Message message, int qos, boolean retain, boolean dup, int packetId) {
        writeHeader(out, message, qos, retain, dup, packetId, null, 0, -1);
        out.writeBytes(message.payload());
    }

    /** The size of the MQTT 3.1.1 PUBLISH {@link #encode} writes. */
    public static int length(Message message, int qos) {
        return headerLength(message, qos, -1) + message.payload().length;
    }

    /**
     * One MQTT 3.1.1 PUBLISH whose payload is a shared, already encoded buffer: only the header is written, and
     * the packet holds its own reference to the payload.
     */
    public static ByteBuf encode(ByteBufAllocator alloc, Message message, ByteBuf sharedPayload, int qos,
                                 boolean retain, int packetId) {
        ByteBuf header = alloc.ioBuffer(headerLength(message, qos, -1));
        writeHeader(header, message, qos, retain, false, packetId, null, 0, -1);
        return alloc.compositeDirectBuffer(2).addComponents(true, header, sharedPayload.retainedDuplicate());
    }

    /**
     * One MQTT 5 PUBLISH, with the message's properties and the identifiers of the subscriptions it matched
     * [MQTT-3.3.4-3]; the payload is shared when {@code sharedPayload} is not null.
     */
    public static ByteBuf encode5(ByteBufAllocator alloc, Message message, ByteBuf sharedPayload, int qos,
                                  boolean retain, boolean dup, int packetId, int[] subscriptionIds, long nowMillis) {
        int[] ids = subscriptionIds == null ? NO_IDS : subscriptionIds;
        int properties = propertiesLength(message, ids);
        int headerLength = headerLength(message, qos, properties);
        if (sharedPayload == null) {
            ByteBuf packet = alloc.ioBuffer(headerLength + message.payload().length);
            encode5Into(packet, message, qos, retain, dup, packetId, ids, nowMillis);
            return packet;
        }
        ByteBuf header = alloc.ioBuffer(headerLength);
        writeHeader(header, message, qos, retain, dup, packetId, ids, nowMillis, properties);
        return alloc.compositeDirectBuffer(2).addComponents(true, header, sharedPayload.retainedDuplicate());
    }

    /** One MQTT 5 PUBLISH appended to {@code out}, which has room for {@link #length5} bytes. */
    public static void encode5Into(ByteBuf out, Message message, int qos, boolean retain, boolean dup, int packetId,
                                   int[] subscriptionIds, long nowMillis) {
        int[] ids = subscriptionIds == null ? NO_IDS : subscriptionIds;
        writeHeader(out, message, qos, retain, dup, packetId, ids, nowMillis, propertiesLength(message, ids));
        out.writeBytes(message.payload());
    }

    /** The size of the MQTT 5 PUBLISH {@link #encode5} writes, to hold it against the client's maximum. */
    public static int length5(Message message, int qos, int[] subscriptionIds) {
        int properties = propertiesLength(message, subscriptionIds == null ? NO_IDS : subscriptionIds);
        return headerLength(message, qos, properties) + message.payload().length;
    }

    private static int propertiesLength(Message message, int[] ids) {
        int length = message.properties().encodedLength();
        for (int id : ids) {
            length += 1 + varIntLength(id);
        }
        return length;
    }

    /** @param properties the length of the MQTT 5 properties; -1 for an MQTT 3.1.1 packet, which has none */
    private static int headerLength(Message message, int qos, int properties) {
        int variable = 2 + message.topicBytes().length + (qos > 0 ? 2 : 0)
                + (properties < 0 ? 0 : varIntLength(properties) + properties);
        return 1 + varIntLength(variable + message.payload().length) + variable;
    }

    private static void writeHeader(ByteBuf out, Message message, int qos, boolean retain, boolean dup,
                                    int packetId, int[] ids, long nowMillis, int properties) {
        byte[] topic = message.topicBytes();
        int remaining = 2 + topic.length + (qos > 0 ? 2 : 0) + message.payload().length
                + (properties < 0 ? 0 : varIntLength(properties) + properties);
        out.writeByte(0x30 | (dup ? 0x08 : 0) | (qos << 1) | (retain ? 0x01 : 0));
        writeVarInt(out, remaining);
        out.writeShort(topic.length);
        out.writeBytes(topic);
        if (qos > 0) {
            out.writeShort(packetId);
        }
        if (properties >= 0) {
            writeVarInt(out, properties);
            message.properties().write(out, nowMillis);
            for (int id : ids) {
                out.writeByte(SUBSCRIPTION_IDENTIFIER);
                writeVarInt(out, id);
            }
        }
    }

    static int varIntLength(int value) {
        return value < 128 ? 1 : value < 16_384 ? 2 : value < 2_097_152 ? 3 : 4;
    }

    private static void writeVarInt(ByteBuf out, int value) {
        do {
            int digit = value % 128;
            value /= 128;
            if (value > 0) {
                digit |= 0x80;
            }
            out.writeByte(digit);
        } while (value > 0);
    }
}
