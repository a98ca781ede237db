package dev.roost.hub.broker.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * The small fixed-size packets the broker sends most often, written directly as their four bytes, several to a
 * buffer; in MQTT 5 a fifth byte carries a reason code other than success (without properties, which may then be
 * left out).
 */
public final class ControlPackets {

    private static final int PUBACK = 0x40;
    private static final int PUBREC = 0x50;
    private static final int PUBREL = 0x62; // reserved flags 0010 [MQTT-3.6.1-1]
    private static final int PUBCOMP = 0x70;
    private static final int DISCONNECT = 0xE0;

    private ControlPackets() {
    }

    /** The most bytes one acknowledgement written here takes. */
    public static final int MAX_ACK_BYTES = 5;

    /** Appends a PUBACK (QoS 1) or PUBREC (QoS 2) with an MQTT 5 reason code; 0 gives the short form. */
    public static void publishAck(ByteBuf out, int qos, int packetId, int reasonCode) {
        withReasonCode(out, qos == 1 ? PUBACK : PUBREC, packetId, reasonCode);
    }

    public static void pubRel(ByteBuf out, int packetId) {
        withReasonCode(out, PUBREL, packetId, 0);
    }

    /** Appends a PUBCOMP with an MQTT 5 reason code; 0 gives the short form. */
    public static void pubComp(ByteBuf out, int packetId, int reasonCode) {
        withReasonCode(out, PUBCOMP, packetId, reasonCode);
    }

    /** An MQTT 5 DISCONNECT from the server, with its reason code and no properties. */
    public static ByteBuf disconnect(ByteBufAllocator alloc, int reasonCode) {
        return alloc.buffer(3).writeByte(DISCONNECT).writeByte(1).writeByte(reasonCode);
    }

    private static void withReasonCode(ByteBuf out, int type, int packetId, int reasonCode) {
        if (reasonCode == 0) {
            out.writeByte(type).writeByte(2).writeShort(packetId);
        } else {
            out.writeByte(type).writeByte(3).writeShort(packetId).writeByte(reasonCode);
        }
    }
}
