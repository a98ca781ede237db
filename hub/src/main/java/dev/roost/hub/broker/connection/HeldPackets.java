package dev.roost.hub.broker.connection;

import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.util.ReferenceCountUtil;

import java.util.ArrayDeque;
import java.util.function.Consumer;

/**
 * Packets a client sent right after CONNECT while its credentials are being checked. A client need not wait for
 * CONNACK, but nothing it sent after a refused CONNECT may be processed [MQTT-3.1.4-5]: they are replayed on
 * acceptance and dropped on refusal. Reading is paused meanwhile, so only one read's worth can pile up.
 */
final class HeldPackets {

    /** More than one read can decode into; a client exceeding it is not a client that waits politely. */
    static final int MAX = 256;

    private final ArrayDeque<MqttMessage> packets = new ArrayDeque<>();

    /** Takes ownership of {@code packet}; false (and the packet released) when too many are held. */
    boolean hold(MqttMessage packet) {
        if (packets.size() >= MAX) {
            ReferenceCountUtil.release(packet);
            return false;
        }
        packets.add(packet);
        return true;
    }

    /** Hands each held packet to {@code handler} in arrival order, releasing it afterwards. */
    void replay(Consumer<MqttMessage> handler) {
        MqttMessage packet;
        while ((packet = packets.poll()) != null) {
            try {
                handler.accept(packet);
            } finally {
                ReferenceCountUtil.release(packet);
            }
        }
    }

    void discard() {
        packets.forEach(ReferenceCountUtil::release);
        packets.clear();
    }
}
