package dev.roost.bench;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * The benchmark message body: publisher id, sequence number and send time up front, zero padding after.
 * A fixed binary header lets the receiving side account for every message without parsing text.
 */
final class Payload {
    static final int HEADER_BYTES = Integer.BYTES + Long.BYTES + Long.BYTES;

    private Payload() {
    }

    static ByteBuf encode(ByteBufAllocator alloc, int publisherId, long sequence, long sentNanos, int size) {
        int total = Math.max(size, HEADER_BYTES);
        ByteBuf buf = alloc.buffer(total, total);
        buf.writeInt(publisherId).writeLong(sequence).writeLong(sentNanos);
        buf.writeZero(total - HEADER_BYTES);
        return buf;
    }

    /** A broker that truncates or rewrites payloads must show up as malformed, not as an exception in the reader. */
    static boolean isWellFormed(ByteBuf buf) {
        return buf.readableBytes() >= HEADER_BYTES;
    }

    static int publisherId(ByteBuf buf) {
        return buf.getInt(buf.readerIndex());
    }

    static long sequence(ByteBuf buf) {
        return buf.getLong(buf.readerIndex() + Integer.BYTES);
    }

    static long sentNanos(ByteBuf buf) {
        return buf.getLong(buf.readerIndex() + Integer.BYTES + Long.BYTES);
    }
}
