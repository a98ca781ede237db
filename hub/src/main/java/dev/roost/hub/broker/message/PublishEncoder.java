package dev.roost.hub.broker.message;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * Writes PUBLISH packets from a {@link Message} into direct memory, which the socket can send without
 * another copy. During fan-out the payload is copied to direct memory once and shared by every subscriber's
 * packet; otherwise header and payload go into one buffer.
 */
public final class PublishEncoder {

    private PublishEncoder() {
    }

    /** One PUBLISH in a single buffer. {@code packetId} is ignored for QoS 0. */
    public static ByteBuf encode(ByteBufAllocator alloc, Message message, int qos, boolean retain, boolean dup,
                                 int packetId) {
        ByteBuf packet = alloc.ioBuffer(headerLength(message, qos) + message.payload().length);
        writeHeader(packet, message, qos, retain, dup, packetId);
        return packet.writeBytes(message.payload());
    }

    /**
     * One PUBLISH whose payload is a shared, already encoded buffer: only the header is written, and the
     * packet holds its own reference to the payload.
     */
    public static ByteBuf encode(ByteBufAllocator alloc, Message message, ByteBuf sharedPayload, int qos,
                                 boolean retain, int packetId) {
        ByteBuf header = alloc.ioBuffer(headerLength(message, qos));
        writeHeader(header, message, qos, retain, false, packetId);
        return alloc.compositeDirectBuffer(2).addComponents(true, header, sharedPayload.retainedDuplicate());
    }

    private static int headerLength(Message message, int qos) {
        return 1 + 4 + 2 + message.topicBytes().length + (qos > 0 ? 2 : 0);
    }

    private static void writeHeader(ByteBuf out, Message message, int qos, boolean retain, boolean dup,
                                    int packetId) {
        byte[] topic = message.topicBytes();
        int remaining = 2 + topic.length + (qos > 0 ? 2 : 0) + message.payload().length;
        out.writeByte(0x30 | (dup ? 0x08 : 0) | (qos << 1) | (retain ? 0x01 : 0));
        writeRemainingLength(out, remaining);
        out.writeShort(topic.length);
        out.writeBytes(topic);
        if (qos > 0) {
            out.writeShort(packetId);
        }
    }

    private static void writeRemainingLength(ByteBuf out, int length) {
        do {
            int digit = length % 128;
            length /= 128;
            if (length > 0) {
                digit |= 0x80;
            }
            out.writeByte(digit);
        } while (length > 0);
    }
}
