package dev.roost.hub.broker.message;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;

/**
 * Writes PUBLISH packets straight from a {@link Message}: the payload array is wrapped, never copied,
 * so every subscriber's packet shares it.
 */
public final class PublishEncoder {

    private PublishEncoder() {
    }

    /**
     * Encodes one PUBLISH. The returned buffer is a composite of a small header and the shared payload.
     *
     * @param packetId ignored for QoS 0
     */
    public static ByteBuf encode(ByteBufAllocator alloc, Message message, int qos, boolean retain, boolean dup,
                                 int packetId) {
        byte[] topic = message.topicBytes();
        int variableHeader = 2 + topic.length + (qos > 0 ? 2 : 0);
        int remaining = variableHeader + message.payload().length;
        ByteBuf header = alloc.buffer(1 + 4 + variableHeader);
        header.writeByte(0x30 | (dup ? 0x08 : 0) | (qos << 1) | (retain ? 0x01 : 0));
        writeRemainingLength(header, remaining);
        header.writeShort(topic.length);
        header.writeBytes(topic);
        if (qos > 0) {
            header.writeShort(packetId);
        }
        if (message.payload().length == 0) {
            return header;
        }
        return alloc.compositeBuffer(2)
                .addComponents(true, header, Unpooled.wrappedBuffer(message.payload()));
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
