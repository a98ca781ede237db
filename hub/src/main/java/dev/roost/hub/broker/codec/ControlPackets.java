package dev.roost.hub.broker.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * The small fixed-size packets the broker sends most often, written directly as their four bytes; in MQTT 5 a
 * fifth byte carries a reason code other than success (without properties, which may then be left out).
 */
public final class ControlPackets {

    private static final int PUBACK = 0x40;
    private static final int PUBREC = 0x50;
    private static final int PUBREL = 0x62; // reserved flags 0010 [MQTT-3.6.1-1]
    private static final int PUBCOMP = 0x70;
    private static final int DISCONNECT = 0xE0;

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

    /** A PUBACK (QoS 1) or PUBREC (QoS 2) with an MQTT 5 reason code; 0 gives the short form. */
    public static ByteBuf publishAck(ByteBufAllocator alloc, int qos, int packetId, int reasonCode) {
        return withReasonCode(alloc, qos == 1 ? PUBACK : PUBREC, packetId, reasonCode);
    }

    /** A PUBCOMP with an MQTT 5 reason code; 0 gives the short form. */
    public static ByteBuf pubComp(ByteBufAllocator alloc, int packetId, int reasonCode) {
        return withReasonCode(alloc, PUBCOMP, packetId, reasonCode);
    }

    /** An MQTT 5 DISCONNECT from the server, with its reason code and no properties. */
    public static ByteBuf disconnect(ByteBufAllocator alloc, int reasonCode) {
        return alloc.buffer(3).writeByte(DISCONNECT).writeByte(1).writeByte(reasonCode);
    }

    private static ByteBuf withReasonCode(ByteBufAllocator alloc, int type, int packetId, int reasonCode) {
        if (reasonCode == 0) {
            return withPacketId(alloc, type, packetId);
        }
        return alloc.buffer(5).writeByte(type).writeByte(3).writeShort(packetId).writeByte(reasonCode);
    }

    private static ByteBuf withPacketId(ByteBufAllocator alloc, int type, int packetId) {
        return alloc.buffer(4).writeByte(type).writeByte(2).writeShort(packetId);
    }
}
