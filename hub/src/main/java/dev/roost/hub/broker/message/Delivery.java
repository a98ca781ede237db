package dev.roost.hub.broker.message;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * One message on its way to all its subscribers. QoS 0 packets are identical for every subscriber, so the
 * first one encodes the packet and the others share it. Confined to the broker's event loop; the router
 * closes it once fan-out is done.
 */
public final class Delivery implements AutoCloseable {

    private final Message message;
    private final ByteBufAllocator alloc;
    private ByteBuf qos0Packet;

    public Delivery(Message message, ByteBufAllocator alloc) {
        this.message = message;
        this.alloc = alloc;
    }

    public Message message() {
        return message;
    }

    /** The QoS 0, non-retained PUBLISH of this message; the caller owns (and must write or release) it. */
    public ByteBuf sharedQos0Packet() {
        if (qos0Packet == null) {
            qos0Packet = PublishEncoder.encode(alloc, message, 0, false, false, 0);
        }
        return qos0Packet.retainedDuplicate();
    }

    @Override
    public void close() {
        if (qos0Packet != null) {
            qos0Packet.release();
            qos0Packet = null;
        }
    }
}
