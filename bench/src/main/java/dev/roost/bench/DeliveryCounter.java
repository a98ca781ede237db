package dev.roost.bench;

import io.netty.buffer.ByteBuf;

/**
 * Everything one subscriber connection received, split per publisher. Written only by that connection's event
 * loop; other threads read the volatile count while waiting and the rest only after the connection has closed.
 */
final class DeliveryCounter implements MqttClientConnection.MessageListener {
    private final SequenceTracker[] publishers;
    private volatile long received;
    private long malformed;
    private long firstNanos;
    private long lastNanos;

    DeliveryCounter(int publisherCount) {
        publishers = new SequenceTracker[publisherCount];
        for (int i = 0; i < publisherCount; i++) {
            publishers[i] = new SequenceTracker();
        }
    }

    @Override
    public void onMessage(MqttClientConnection connection, String topic, ByteBuf payload) {
        record(payload, System.nanoTime());
    }

    /** Returns true when this is the first copy of a well-formed message. */
    boolean record(ByteBuf payload, long nowNanos) {
        if (received == 0) {
            firstNanos = nowNanos;
        }
        lastNanos = nowNanos;
        received++;
        if (!Payload.isWellFormed(payload)) {
            malformed++;
            return false;
        }
        int publisher = Payload.publisherId(payload);
        if (publisher < 0 || publisher >= publishers.length) {
            malformed++;
            return false;
        }
        return publishers[publisher].record(Payload.sequence(payload));
    }

    long received() {
        return received;
    }

    /** Payloads too short to carry a header, naming no known publisher, or carrying an impossible number. */
    long malformed() {
        long invalid = 0;
        for (SequenceTracker t : publishers) {
            invalid += t.invalid();
        }
        return malformed + invalid;
    }

    long firstNanos() {
        return firstNanos;
    }

    long lastNanos() {
        return lastNanos;
    }

    SequenceTracker publisher(int id) {
        return publishers[id];
    }

    long duplicates() {
        long sum = 0;
        for (SequenceTracker t : publishers) {
            sum += t.duplicates();
        }
        return sum;
    }

    long outOfOrder() {
        long sum = 0;
        for (SequenceTracker t : publishers) {
            sum += t.outOfOrder();
        }
        return sum;
    }

    /** sent[i] is how many messages publisher i wrote. */
    long lost(long[] sent) {
        long sum = 0;
        for (int i = 0; i < publishers.length; i++) {
            sum += publishers[i].lost(sent[i]);
        }
        return sum;
    }
}
