package dev.roost.hub.broker.message;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * One message on its way to all its subscribers, serialised once when it is large: the QoS 0 packet is identical
 * for every subscriber of a protocol version and shared whole; QoS 1/2 packets differ only in their header and
 * share the payload. (A connection copies a small message into its buffer of small packets instead.) Confined to
 * the broker's event loop; the router closes it once fan-out is done.
 */
public final class Delivery implements AutoCloseable {

    private final Message message;
    private final ByteBufAllocator alloc;
    private final boolean heldUntilDurable;
    /** When fan-out began, read once and only for MQTT 5 packets: every subscriber sees the same expiry left. */
    private long startedMillis;
    private ByteBuf qos0Packet;
    private ByteBuf qos0Packet5;
    private ByteBuf payload;

    public Delivery(Message message, ByteBufAllocator alloc) {
        this(message, alloc, false);
    }

    /**
     * @param heldUntilDurable a QoS 2 message from a persistent session: a client is sent it at QoS 2 only once the
     *                         changes recorded so far, its receipt among them, are durable. Sent before and the
     *                         broker restarted, the publisher would send it again and it would be delivered twice.
     */
    public Delivery(Message message, ByteBufAllocator alloc, boolean heldUntilDurable) {
        this.message = message;
        this.alloc = alloc;
        this.heldUntilDurable = heldUntilDurable;
    }

    public boolean heldUntilDurable() {
        return heldUntilDurable;
    }

    public Message message() {
        return message;
    }

    /** The QoS 0, non-retained MQTT 3.1.1 PUBLISH of this message; the caller owns (and must write or release) it. */
    public ByteBuf sharedQos0Packet() {
        if (qos0Packet == null) {
            qos0Packet = PublishEncoder.encode(alloc, message, 0, false, false, 0);
        }
        return qos0Packet.retainedDuplicate();
    }

    /** The same in MQTT 5 form, for subscriptions without an identifier; the caller owns it. */
    public ByteBuf sharedQos0Packet5() {
        if (qos0Packet5 == null) {
            qos0Packet5 = PublishEncoder.encode5(alloc, message, null, 0, false, false, 0, null, startedMillis());
        }
        return qos0Packet5.retainedDuplicate();
    }

    /** A QoS 1/2 MQTT 3.1.1 PUBLISH for one subscriber, sharing the payload with the others; the caller owns it. */
    public ByteBuf packet(ByteBufAllocator channelAlloc, int qos, boolean retain, int packetId) {
        return PublishEncoder.encode(channelAlloc, message, sharedPayload(), qos, retain, packetId);
    }

    /** A QoS 1/2 MQTT 5 PUBLISH for one subscriber, sharing the payload with the others; the caller owns it. */
    public ByteBuf packet5(ByteBufAllocator channelAlloc, int qos, boolean retain, int packetId,
                           int[] subscriptionIds) {
        return PublishEncoder.encode5(channelAlloc, message, sharedPayload(), qos, retain, false, packetId,
                subscriptionIds, startedMillis());
    }

    /** When fan-out began: the moment every subscriber's MQTT 5 expiry is counted from. */
    public long startedMillis() {
        if (startedMillis == 0) {
            startedMillis = System.currentTimeMillis();
        }
        return startedMillis;
    }

    private ByteBuf sharedPayload() {
        if (payload == null) {
            payload = alloc.ioBuffer(message.payload().length).writeBytes(message.payload());
        }
        return payload;
    }

    @Override
    public void close() {
        if (qos0Packet != null) {
            qos0Packet.release();
            qos0Packet = null;
        }
        if (qos0Packet5 != null) {
            qos0Packet5.release();
            qos0Packet5 = null;
        }
        if (payload != null) {
            payload.release();
            payload = null;
        }
    }
}
