package dev.roost.hub.broker.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/** The small fixed-size packets the broker sends most often, written directly as their four bytes. */
public final class ControlPackets {

    private static final int PUBACK = 0x40;
    private static final int PUBREC = 0x50;
    private static final int PUBREL = 0x62; // reserved flags 0010 [MQTT-3.6.1-1]
    private static final int PUBCOMP = 0x70;

    private ControlPackets() {
    }

    public static ByteBuf pubAck(ByteBufAllocator alloc, int packetId) {
        return withPacketId(alloc, PUBACK, packetId);
    }

    public static ByteBuf pubRec(ByteBufAllocator alloc, int packetId) {
        return withPacketId(alloc, PUBREC, packetId);
    }

    public static ByteBuf pubRel(ByteBufAllocator alloc, int packetId) {
        return withPacketId(alloc, PUBREL, packetId);
    }

    public static ByteBuf pubComp(ByteBufAllocator alloc, int packetId) {
        return withPacketId(alloc, PUBCOMP, packetId);
    }

    private static ByteBuf withPacketId(ByteBufAllocator alloc, int type, int packetId) {
        return alloc.buffer(4).writeByte(type).writeByte(2).writeShort(packetId);
    }
}
