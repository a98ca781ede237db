package dev.roost.hub.broker.session;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/** The live network connection a session sends through while its client is connected. */
public interface ClientLink {

    /** Whether the socket can take more bytes now; when false, QoS 1/2 messages wait in the session. */
    boolean writable();

    /** Bytes written but not yet taken by the socket. */
    long bufferedBytes();

    ByteBufAllocator alloc();

    /** Writes an encoded packet; flushing is batched by the link. */
    void write(ByteBuf packet);

    void writePubRel(int packetId);

    /** Ends the connection, e.g. when another connection takes the session over [MQTT-3.1.4-2]. */
    void close();
}
